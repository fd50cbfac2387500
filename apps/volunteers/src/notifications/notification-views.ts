import {
  cityDate,
  cityDateTime,
  formatMessage,
  isMessageKey,
  Locale,
  NotificationKind,
  NotificationView,
  tierName,
} from '@app/contracts';
import { NotificationParams } from './notification-rules';

/** A stored notification, as the repository reads it. */
export interface NotificationRow {
  id: string;
  seq: string;
  memberId: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Instants the texts show as the city's wall clock; dates as the city's day. */
const TIMES = new Set(['startsAt', 'endsAt']);
const DAYS = new Set(['expiresOn']);

/** The params as a member reads them: times in the city's zone, a tier by its name in their language. */
function shown(params: NotificationParams, locale: Locale, zone: string): NotificationParams {
  const out: NotificationParams = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const instant = typeof value === 'string' ? new Date(value) : null;
    if (!instant || Number.isNaN(instant.getTime())) continue;
    if (TIMES.has(name)) out[name] = cityDateTime(instant, zone);
    if (DAYS.has(name)) out[name] = cityDate(instant, zone);
  }
  if (typeof params.level === 'number') out.tier = tierName(params.level, locale);
  return out;
}

function text(locale: Locale, key: string, params: NotificationParams): string {
  // A kind this copy does not know (a newer copy wrote it) shows its key rather than failing the list.
  return isMessageKey(key) ? formatMessage(locale, key, params) : key;
}

/** A notification in `locale`, rendered now: a change of language re-renders the old ones too. */
export function toNotificationView(
  row: NotificationRow,
  locale: Locale,
  zone: string,
): NotificationView {
  const params = shown(row.params, locale, zone);
  return {
    id: row.id,
    kind: row.kind,
    title: text(locale, `notifications.${row.kind}.title`, params),
    body: text(locale, `notifications.${row.kind}.body`, params),
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
