import { i18n } from '@/i18n';

/** Minutes as people say them: "1 小时 30 分钟", "45 分钟". Negative keeps its sign. */
export function formatMinutes(minutes: number): string {
  const t = i18n.global.t;
  const sign = minutes < 0 ? '−' : '';
  const whole = Math.abs(Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return sign + t('common.minutes', { n: m });
  if (m === 0) return sign + t('common.hours', { h });
  return sign + t('common.hoursMinutes', { h, m });
}

/** A day and time in the city's time zone, in the member's words. */
export function formatDayTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD or an instant) in the member's words. */
export function formatDay(value: string, timeZone: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(i18n.global.locale.value, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : timeZone,
  }).format(date);
}
