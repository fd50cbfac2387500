import { handlerProblems } from '@app/common';
import { VolunteersConfig } from './volunteers.config';
import { VolunteersModule } from './volunteers.module';

describe('the volunteers service', () => {
  it('answers every message declared for it, each in one place, and none undeclared', () => {
    const controllers = VolunteersModule.forRoot(new VolunteersConfig()).controllers ?? [];
    expect(controllers.length).toBeGreaterThan(1);
    expect(handlerProblems('volunteers', controllers)).toEqual([]);
  });
});
