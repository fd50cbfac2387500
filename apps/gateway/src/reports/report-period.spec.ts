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

  it('refuses a period longer than the maximum given, naming from, and takes one that long', () => {
    expect(reportPeriod({ from: '2028-01-01', to: '2028-12-31' }, today, 366)).toEqual({
      from: '2028-01-01',
      to: '2028-12-31',
    });
    for (const query of [
      { from: '2028-01-01', to: '2029-01-01' },
      // From alone runs to today.
      { from: '2025-03-09' },
    ]) {
      try {
        reportPeriod(query, today, 366);
        throw new Error(`accepted ${JSON.stringify(query)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).details?.errors).toEqual([
          expect.objectContaining({ field: 'from', messageKey: 'field.periodTooLong' }),
        ]);
      }
    }
    // Without a maximum (the totals report), any length.
    expect(reportPeriod({ from: '2020-01-01' }, today).from).toBe('2020-01-01');
  });
});
