/**
 * Calendar days as the city counts them: "today" is the city's today wherever
 * the phone is (the API refuses a served day after it), and days travel as
 * YYYY-MM-DD.
 */

/** The city's calendar day of an instant, as YYYY-MM-DD. */
export function cityDay(timeZone: string, at: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The day `days` before a YYYY-MM-DD day (calendar arithmetic, no time zone involved). */
export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the [year, month, day] strings Vant's date picker works with. */
export function pickerValue(day: string): string[] {
  return day.split('-');
}

/** A local Date for the picker's bounds (it compares in the phone's time, at midnight). */
export function pickerDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
