import { handlerProblems } from '@app/common';
import { RewardsConfig } from './rewards.config';
import { RewardsModule } from './rewards.module';

describe('the rewards service', () => {
  it('answers every message declared for it, each in one place, and none undeclared', () => {
    const controllers = RewardsModule.forRoot(new RewardsConfig()).controllers ?? [];
    expect(controllers.length).toBeGreaterThan(1);
    expect(handlerProblems('rewards', controllers)).toEqual([]);
  });
});
