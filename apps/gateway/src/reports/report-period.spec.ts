import { DomainError } from '@app/common';
import { reportPeriod } from './report-period';

describe('reportPeriod', () => {
  const today = '2026-03-10';

  it('covers the last 30 days, today included, when nothing is given', () => {
    expect(reportPeriod({}, today)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('takes the 30 days ending on `to`, and runs from `from` to today', () => {
    expect(reportPeriod({ to: '2026-01-31' }, today)).toEqual({
      from: '2026-01-02',
      to: '2026-01-31',
    });
    expect(reportPeriod({ from: '2026-03-01' }, today)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
  });

  it('accepts a single day', () => {
    expect(reportPeriod({ from: '2026-03-01', to: '2026-03-01' }, today)).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
  });

  it('refuses a period that ends before it starts, naming from', () => {
    try {
      reportPeriod({ from: '2026-03-02', to: '2026-03-01' }, today);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details?.errors).toEqual([
        expect.objectContaining({ field: 'from' }),
      ]);
    }
  });
});
