import { DomainError, fieldError } from '@app/common';
import { addDays, daysFromTo, DEFAULT_REPORT_DAYS } from '@app/contracts';

/**
 * The whole days a report covers: `to` defaults to the city's today, `from` to the
 * 30 days ending on `to`; a period that ends before it starts, or (given
 * `maxDays`) is longer than that, names `from`.
 */
export function reportPeriod(
  query: { from?: string; to?: string },
  today: string,
  maxDays?: number,
): { from: string; to: string } {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  if (from > to) {
    throw DomainError.validation([fieldError('from', 'field.fromAfterTo', { from, to })]);
  }
  if (maxDays !== undefined && daysFromTo(from, to) > maxDays) {
    throw DomainError.validation([
      fieldError('from', 'field.periodTooLong', { from, to, maxDays }),
    ]);
  }
  return { from, to };
}
