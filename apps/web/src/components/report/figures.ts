/**
 * The six figures of a community report, as every view of it shows them: the
 * period's totals in large type, one week's row, one community's row beside the
 * others. One list, so their order, their names and their words stay the same.
 */
import { formatMinutes } from '@/composables/format';
import { i18n } from '@/i18n';
import type { Totals } from './use-report';

/** `key`: the field (and a cell's data-column); `label`: its name under console.report.figures/columns; `id`: its test id. */
export const FIGURES = [
  { key: 'minutesServed', label: 'minutesServed', id: 'minutes-served' },
  { key: 'requestsPosted', label: 'requestsPosted', id: 'requests-posted' },
  { key: 'requestsConfirmed', label: 'requestsConfirmed', id: 'requests-confirmed' },
  { key: 'medianMinutesToAccept', label: 'medianToAccept', id: 'median-accept' },
  { key: 'activeVolunteers', label: 'activeVolunteers', id: 'active-volunteers' },
  { key: 'vouchersRedeemed', label: 'vouchersRedeemed', id: 'vouchers-redeemed' },
] as const;
export type Figure = (typeof FIGURES)[number]['key'];

/** A figure in words: minutes as hours and minutes, a median of no requests as "none". */
export function figureText(report: Pick<Totals, Figure>, figure: Figure): string {
  const value = report[figure];
  if (value === null) return i18n.global.t('console.report.none');
  return figure === 'minutesServed' || figure === 'medianMinutesToAccept'
    ? formatMinutes(value)
    : String(value);
}
