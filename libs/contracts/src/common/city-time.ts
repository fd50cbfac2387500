import { addDays } from './dates';

/**
 * The city's calendar. Dates (`YYYY-MM-DD`) the platform decides on — "today",
 * "not in the future", a day's allowance, a report's days — are days on the
 * clocks of the city (setting CITY_TIME_ZONE), not in UTC: at 07:00 in
 * Shanghai it is already tomorrow there while UTC is still on yesterday.
 * Instants stay instants (ISO 8601 UTC in JSON); only dates are the city's.
 */
export const DEFAULT_CITY_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** An IANA time zone the platform's Intl knows (Asia/Shanghai, Etc/GMT+12…). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at `instant`, as if it were UTC (milliseconds dropped). */
function wallClock(instant: Date, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The city's date (`YYYY-MM-DD`) at `instant`. */
export function cityDate(instant: Date, zone: string): string {
  return new Date(wallClock(instant, zone)).toISOString().slice(0, 10);
}

/** The city's date and time of day (`YYYY-MM-DD HH:mm`) at `instant`. */
export function cityDateTime(instant: Date, zone: string): string {
  return new Date(wallClock(instant, zone)).toISOString().slice(0, 16).replace('T', ' ');
}

/** The city's year at `instant` (a certificate issued on New Year's night in Shanghai is the new year's). */
export function cityYear(instant: Date, zone: string): number {
  return new Date(wallClock(instant, zone)).getUTCFullYear();
}

/**
 * The first instant of the city's day `date`: its midnight, or, where a clock
 * change skips midnight, the moment the day begins.
 */
export function startOfCityDay(date: string, zone: string): Date {
  const midnightAsUtc = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset around that day: before, at and after any change on it.
  const offsets = new Set(
    [-1, 0, 1].map((days) => {
      const near = new Date(midnightAsUtc + days * 86_400_000);
      return wallClock(near, zone) - Math.floor(near.getTime() / 1000) * 1000;
    }),
  );
  const starts = [...offsets]
    .map((offset) => new Date(midnightAsUtc - offset))
    .filter((instant) => cityDate(instant, zone) === date)
    .map((instant) => instant.getTime());
  if (starts.length > 0) return new Date(Math.min(...starts));
  // A change of more than a day's worth near midnight (none is known): search the second.
  let [low, high] = [midnightAsUtc - 2 * 86_400_000, midnightAsUtc + 2 * 86_400_000];
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (cityDate(new Date(mid), zone) < date) low = mid;
    else high = mid;
  }
  return new Date(high);
}

/** The instants of the city's days `from` to `to`, both whole: [start, until). */
export function cityDays(from: string, to: string, zone: string): { start: Date; until: Date } {
  return { start: startOfCityDay(from, zone), until: startOfCityDay(addDays(to, 1), zone) };
}
