import { randomBytes } from 'node:crypto';
import {
  Actor,
  canCoordinate,
  CERTIFICATE_CODE_SHAPE,
  isCalendarDate,
  ServiceDetails,
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

export function certificateNumber(n: string | number, issuedAt: Date): string {
  return `TB-${issuedAt.getUTCFullYear()}-${String(n).padStart(8, '0')}`;
}

/** A record is the volunteer's own, and open to coordinators of its community and admins. */
export function mayReadRecord(
  actor: Actor,
  holder: { volunteerId: string; communityId: string | null },
): boolean {
  return actor.memberId === holder.volunteerId || canCoordinate(actor, holder.communityId);
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
  if (details.source !== 'request' && details.source !== 'hours') problems.push('source');
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
