import { addDays } from '../common/dates';

/** One week of a report: its Monday, and how many of its days the period covers (1 to 7). */
export interface ReportWeek {
  weekStart: string;
  days: number;
}

/** The Monday of the week (Monday to Sunday) holding the calendar day `date`. */
export function weekStartOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Every week the days `from` to `to` touch, in order, each present even when
 * nothing happened in it: the first and last may be partly outside the period,
 * and a report counts only the period's days of them.
 */
export function reportWeeks(from: string, to: string): ReportWeek[] {
  const weeks: ReportWeek[] = [];
  for (let weekStart = weekStartOf(from); weekStart <= to; weekStart = addDays(weekStart, 7)) {
    const first = weekStart < from ? from : weekStart;
    const sunday = addDays(weekStart, 6);
    const last = sunday > to ? to : sunday;
    weeks.push({ weekStart, days: daysFromTo(first, last) });
  }
  return weeks;
}

/** How many days `from` to `to` count, both included. */
export function daysFromTo(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}
