/** Short days and times for the console's tables: many rows, narrow columns, the year only when not this one. */
import { i18n } from '@/i18n';

function thisYear(date: Date, timeZone: string): boolean {
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  return year(date) === year(new Date());
}

/** "11月29日 周日" / "Sun, Nov 29" for a calendar day (YYYY-MM-DD) or an instant. */
export function shortDay(value: string, timeZone: string): string {
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = calendar ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const zone = calendar ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    ...(thisYear(date, zone) ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: zone,
  }).format(date);
}

/** "11月30日 17:08" / "Nov 30, 17:08" for an instant. */
export function shortDayTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    ...(thisYear(date, timeZone) ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(date);
}
