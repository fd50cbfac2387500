import { handlerProblems } from '@app/common';
import { RequestsConfig } from './requests.config';
import { RequestsModule } from './requests.module';

describe('the requests service', () => {
  it('answers every message declared for it, each in one place, and none undeclared', () => {
    const controllers = RequestsModule.forRoot(new RequestsConfig()).controllers ?? [];
    expect(controllers.length).toBeGreaterThan(1);
    expect(handlerProblems('requests', controllers)).toEqual([]);
  });
});
