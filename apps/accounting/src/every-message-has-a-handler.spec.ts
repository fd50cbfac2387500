import { handlerProblems } from '@app/common';
import { AccountingConfig } from './accounting.config';
import { AccountingModule } from './accounting.module';

describe('the accounting service', () => {
  it('answers every message declared for it, each in one place, and none undeclared', () => {
    const controllers = AccountingModule.forRoot(new AccountingConfig()).controllers ?? [];
    expect(controllers.length).toBeGreaterThan(1);
    expect(handlerProblems('accounting', controllers)).toEqual([]);
  });
});
