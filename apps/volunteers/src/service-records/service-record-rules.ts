import { randomBytes } from 'node:crypto';
import {
  Actor,
  canCoordinate,
  CERTIFICATE_CODE_SHAPE,
  cityYear,
  isCalendarDate,
  ServiceDetails,
  SERVICE_SOURCES,
  TransferPostedEvent,
} from '@app/contracts';
import { isUUID } from 'class-validator';

/** `accounting.transfer.posted` as the ledger sends it for service: with the details it paid for. */
export type PostedTransfer = TransferPostedEvent & { details?: ServiceDetails | null };

/** 192 bits from the operating system's generator, URL-safe: 32 characters nobody can guess. */
export function newCertificateCode(): string {
  return randomBytes(24).toString('base64url');
}

export function isCertificateCode(code: string): boolean {
  return CERTIFICATE_CODE_SHAPE.test(code);
}

export function volunteerNumber(n: string | number): string {
  return `V${String(n).padStart(8, '0')}`;
}

/** Numbered within the city's year it was issued in (New Year's night in Shanghai is the new year). */
export function certificateNumber(n: string | number, issuedAt: Date, zone: string): string {
  return `TB-${cityYear(issuedAt, zone)}-${String(n).padStart(8, '0')}`;
}

/** A record is the volunteer's own, and open to coordinators of its community and admins. */
export function mayReadRecord(
  actor: Actor,
  holder: { volunteerId: string; communityId: string | null },
): boolean {
  return actor.memberId === holder.volunteerId || canCoordinate(actor, holder.communityId);
}

/**
 * Whether a posted transfer changes service records: a service credit, or the
 * reversal of a transfer (which may be one). Gifts, allocations, adjustments,
 * redemptions and settlements never do.
 */
export function touchesServiceRecords(
  posted: Pick<PostedTransfer, 'kind' | 'reversesTransferId'>,
): boolean {
  return posted.kind === 'service' || (posted.kind === 'reversal' && !!posted.reversesTransferId);
}

/** The volunteer a service credit went to, or null when it went to no member. */
export function creditedVolunteer(posted: PostedTransfer): string | null {
  return posted.to.ownerType === 'member' ? posted.to.ownerId : null;
}

/** What is wrong with the details a service transfer carries (events are re-checked on arrival). */
export function serviceDetailsProblems(
  details: ServiceDetails,
  creditedTo: string | null,
): string[] {
  const problems: string[] = [];
  if (!SERVICE_SOURCES.includes(details.source)) problems.push('source');
  for (const key of ['sourceId', 'volunteerId', 'communityId', 'verifiedBy'] as const) {
    if (!isUUID(details[key], 'all')) problems.push(key);
  }
  if (typeof details.description !== 'string' || details.description.includes('\u0000')) {
    problems.push('description');
  }
  if (!isCalendarDate(details.servedOn)) problems.push('servedOn');
  if (!Number.isInteger(details.minutes) || details.minutes < 1) problems.push('minutes');
  if (typeof details.verifiedAt !== 'string' || Number.isNaN(Date.parse(details.verifiedAt))) {
    problems.push('verifiedAt');
  }
  if (creditedTo !== details.volunteerId) problems.push('volunteerId (not the credited member)');
  return problems;
}

/**
 * What still counts on a record: reversed service is left out. Derived from
 * the very entries shown, so the totals can never disagree with the list.
 */
export function summarize(
  entries: Array<{ minutes: number | string; servedOn: string; reversedAt: Date | null }>,
): {
  totalMinutes: number;
  serviceCount: number;
  firstServedOn: string | null;
  lastServedOn: string | null;
} {
  const counted = entries.filter((e) => e.reversedAt === null);
  const days = counted.map((e) => e.servedOn).sort();
  return {
    totalMinutes: counted.reduce((sum, e) => sum + Number(e.minutes), 0),
    serviceCount: counted.length,
    firstServedOn: days[0] ?? null,
    lastServedOn: days[days.length - 1] ?? null,
  };
}
