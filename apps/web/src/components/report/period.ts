/**
 * A report's period: whole days of the city (YYYY-MM-DD, both ends included), as
 * the report API takes them. The presets are counted from the city's today, not
 * the computer's, so a coordinator abroad still sees the city's weeks.
 */
import { i18n } from '@/i18n';

export const PRESETS = ['last4', 'thisMonth', 'lastMonth', 'last12', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

/** The longest period the report API accepts. */
export const MAX_PERIOD_DAYS = 366;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** The city's calendar day at `instant`. */
export function cityDate(timeZone: string, instant = Date.now()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysIn(period: Period): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}

/** The Monday of the week `date` is in (weeks start on Monday, as the report's). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The preset's days, up to `today`. "The last 4 (12) weeks" are whole weeks from
 * Monday with this week so far as the last, so each week is one bar of the chart.
 */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): Period {
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'last4':
      return { from: addDays(mondayOf(today), -21), to: today };
    case 'last12':
      return { from: addDays(mondayOf(today), -77), to: today };
    case 'thisMonth':
      return { from: monthStart, to: today };
    case 'lastMonth': {
      const lastDay = addDays(monthStart, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
  }
}

/** What is wrong with a period typed by hand, in the member's words; null when nothing. */
export function periodProblem(period: Period, today: string): string | null {
  const t = i18n.global.t;
  if (!isDate(period.from) || !isDate(period.to)) return t('console.report.period.incomplete');
  if (period.from > period.to) return t('console.report.period.reversed');
  if (period.to > today) return t('console.report.period.future');
  if (daysIn(period) > MAX_PERIOD_DAYS) {
    return t('console.report.period.tooLong', { days: MAX_PERIOD_DAYS });
  }
  return null;
}

/** "2026年3月2日 – 2026年3月29日" in the member's language. */
export function periodText(period: Period): string {
  const format = new Intl.DateTimeFormat(i18n.global.locale.value, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return `${format.format(new Date(`${period.from}T12:00:00Z`))} – ${format.format(new Date(`${period.to}T12:00:00Z`))}`;
}

/** A week's Monday as a short label: "3月9日" / "Mar 9". */
export function weekLabel(weekStart: string): string {
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${weekStart}T12:00:00Z`));
}
