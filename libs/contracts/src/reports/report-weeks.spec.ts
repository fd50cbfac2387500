import { daysFromTo, reportWeeks, weekStartOf } from './report-weeks';

describe('report weeks', () => {
  it('start on Monday', () => {
    // 2026-03-09 is a Monday, 2026-03-15 the Sunday of its week.
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
    expect(weekStartOf('2026-03-12')).toBe('2026-03-09');
    expect(weekStartOf('2026-03-15')).toBe('2026-03-09');
    expect(weekStartOf('2026-03-16')).toBe('2026-03-16');
    // Across a year's end and a leap day.
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
    expect(weekStartOf('2028-03-01')).toBe('2028-02-28');
  });

  it('cover the period with every week it touches, counting only its days', () => {
    expect(reportWeeks('2026-03-12', '2026-03-25')).toEqual([
      { weekStart: '2026-03-09', days: 4 },
      { weekStart: '2026-03-16', days: 7 },
      { weekStart: '2026-03-23', days: 3 },
    ]);
    expect(reportWeeks('2026-03-15', '2026-03-15')).toEqual([{ weekStart: '2026-03-09', days: 1 }]);
    expect(reportWeeks('2026-03-16', '2026-03-22')).toEqual([{ weekStart: '2026-03-16', days: 7 }]);
  });

  it('add up to the days of the period, for any period of up to a leap year', () => {
    for (const [from, to] of [
      ['2026-01-01', '2026-12-31'],
      ['2027-03-01', '2028-02-29'],
      ['2026-02-27', '2026-03-02'],
    ]) {
      const weeks = reportWeeks(from, to);
      expect(weeks.reduce((sum, week) => sum + week.days, 0)).toBe(daysFromTo(from, to));
      expect(new Set(weeks.map((week) => week.weekStart)).size).toBe(weeks.length);
    }
    expect(daysFromTo('2028-01-01', '2028-12-31')).toBe(366);
  });
});
