/**
 * Days and times of the city, whatever time zone the phone is in: a request's
 * window is chosen as a day and wall-clock times of the city and sent as UTC;
 * "today" is the city's today (the API refuses a served day after it), and days
 * travel to and from the API as YYYY-MM-DD.
 */
import { i18n } from '@/i18n';

/** A calendar day of the city. */
export interface CityDay {
  year: number;
  month: number;
  day: number;
}

interface WallClock extends CityDay {
  hour: number;
  minute: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** How far the city's clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/** The city's day at `instant` (now by default). */
export function cityToday(timeZone: string, instant = Date.now()): CityDay {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

export function addDays(day: CityDay, days: number): CityDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function sameDay(a: CityDay, b: CityDay): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The instant when the city's clock shows `minuteOfDay` on `day`. */
export function cityInstant(day: CityDay, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day, 0, minuteOfDay);
  // Twice: the offset at the first guess may differ from the offset at the answer (DST).
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** "09:30" for a minute of the day. */
export function clockText(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "3月5日 周四" / "Thu, Mar 5" for a day of the city. */
export function dayText(day: CityDay): string {
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(day.year, day.month - 1, day.day, 12)));
}

/** A day on two short lines, for a narrow button: "3月5日" and "周四". */
export function dayLines(day: CityDay): string {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
  const locale = i18n.global.locale.value;
  const md = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const wd = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return `${md.format(date)}\n${wd.format(date)}`;
}

/** The time of day of an instant in the city, "14:35". */
export function cityTime(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(at);
}

const timeText = (iso: string, timeZone: string) => cityTime(timeZone, new Date(iso));

/** A request's window as people say it: "3月5日 周四 09:00–12:00" (both days when it spans two). */
export function windowText(startIso: string, endIso: string, timeZone: string): string {
  const start = cityToday(timeZone, Date.parse(startIso));
  const end = cityToday(timeZone, Date.parse(endIso));
  if (sameDay(start, end)) {
    return `${dayText(start)} ${timeText(startIso, timeZone)}–${timeText(endIso, timeZone)}`;
  }
  return `${dayText(start)} ${timeText(startIso, timeZone)} – ${dayText(end)} ${timeText(endIso, timeZone)}`;
}

/** "今天" / "明天" / "后天" for a window's start, when it is that close. */
export function relativeDayKey(
  iso: string,
  timeZone: string,
): 'today' | 'tomorrow' | 'dayAfter' | null {
  const day = cityToday(timeZone, Date.parse(iso));
  const today = cityToday(timeZone);
  if (sameDay(day, today)) return 'today';
  if (sameDay(day, addDays(today, 1))) return 'tomorrow';
  if (sameDay(day, addDays(today, 2))) return 'dayAfter';
  return null;
}

/** A day of the city as YYYY-MM-DD. */
export function isoDay(day: CityDay): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day.year}-${two(day.month)}-${two(day.day)}`;
}

/** A YYYY-MM-DD day as a day of the city. */
export function parseDay(day: string): CityDay {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return { year, month, day: date };
}

/** The city's calendar day of an instant, as YYYY-MM-DD. */
export function cityDay(timeZone: string, at: Date = new Date()): string {
  return isoDay(cityToday(timeZone, at.getTime()));
}

/** A YYYY-MM-DD day `days` after another (before it when negative). */
export function daysAfter(day: string, days: number): string {
  return isoDay(addDays(parseDay(day), days));
}

/** The instant a city day ends (its next midnight), for an offer's last day. */
export function endOfCityDay(day: string, timeZone: string): Date {
  return cityInstant(addDays(parseDay(day), 1), 0, timeZone);
}

/** YYYY-MM-DD as the [year, month, day] strings Vant's date picker works with. */
export function pickerValue(day: string): string[] {
  return day.split('-');
}

/** A local Date for the picker's bounds (it compares in the phone's time, at midnight). */
export function pickerDate(day: string): Date {
  const { year, month, day: date } = parseDay(day);
  return new Date(year, month - 1, date);
}
