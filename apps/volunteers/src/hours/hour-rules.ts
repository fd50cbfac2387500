import { DomainError, ErrorCode, FieldError, fieldError } from '@app/common';
import {
  Actor,
  canCoordinate,
  HourLogStatus,
  HoursVerifiedEvent,
  MAX_MINUTES_PER_DAY,
} from '@app/contracts';

/**
 * The rules of logged hours, as pure functions of the acting member's current
 * record, the log concerned and the clock.
 */

/** A log is for a day already begun where the service's calendar is kept. */
export function servedOnErrors(servedOn: string, today: string): FieldError[] {
  // Both are YYYY-MM-DD, so text order is day order.
  return servedOn > today ? [fieldError('servedOn', 'volunteers.hours.futureDate', { today })] : [];
}

/**
 * At most a whole day per volunteer per served day, across pending and
 * approved logs: the input is fine on its own, so what the volunteer already
 * logged makes it NOT_ELIGIBLE (a per-member limit), not VALIDATION_FAILED.
 */
export function assertWithinDailyLimit(
  loggedMinutes: number,
  minutes: number,
  servedOn: string,
): void {
  if (loggedMinutes + minutes <= MAX_MINUTES_PER_DAY) return;
  const left = Math.max(0, MAX_MINUTES_PER_DAY - loggedMinutes);
  throw DomainError.of(
    ErrorCode.NOT_ELIGIBLE,
    'volunteers.hours.dailyLimit',
    { maxMinutes: MAX_MINUTES_PER_DAY, servedOn, loggedMinutes, remainingMinutes: left },
    { servedOn, loggedMinutes, remainingMinutes: left },
  );
}

/** Only coordinators of the log's community review it (admins verify nothing: API.md). */
export function assertMayReview(actor: Actor, log: { communityId: string }): void {
  if (!actor.roles.includes('coordinator') || !actor.coordinatorOf.includes(log.communityId)) {
    throw DomainError.forbidden('volunteers.hours.reviewScope');
  }
}

/** Nobody verifies their own service: approval pays them from the fund they manage. */
export function assertNotOwnLog(actor: Actor, log: { volunteerId: string }): void {
  if (actor.memberId === log.volunteerId) {
    throw DomainError.forbidden('volunteers.hours.ownHours');
  }
}

export function assertPending(log: { status: HourLogStatus }, action: 'approve' | 'reject'): void {
  if (log.status !== 'pending') {
    throw DomainError.of(
      ErrorCode.INVALID_STATE,
      'volunteers.hours.notPending',
      { action, status: log.status },
      { status: log.status },
    );
  }
}

/** The log already rejected by this reviewer for this reason: a batch sent again. */
export function isSameRejection(
  log: { status: HourLogStatus; reviewedBy: string | null; rejectionReason: string | null },
  reviewerId: string,
  reason: string,
): boolean {
  return (
    log.status === 'rejected' && log.reviewedBy === reviewerId && log.rejectionReason === reason
  );
}

/** Logs a member may see: its own, its communities' as coordinator, all as admin. */
export function mayViewLog(
  actor: Actor,
  log: { volunteerId: string; communityId: string },
): boolean {
  return actor.memberId === log.volunteerId || canCoordinate(actor, log.communityId);
}

export interface ListScope {
  /** null: every log (admins). */
  visibleTo: { memberId: string; communityIds: string[] } | null;
}

export function listScope(actor: Actor): ListScope {
  if (actor.roles.includes('admin')) return { visibleTo: null };
  const communityIds = actor.roles.includes('coordinator') ? actor.coordinatorOf : [];
  return { visibleTo: { memberId: actor.memberId, communityIds } };
}

export interface ApprovedLog {
  id: string;
  volunteerId: string;
  communityId: string;
  description: string;
  servedOn: string;
  minutes: number;
}

/** What approval announces: the community fund pays the volunteer (no hold for logged hours). */
export function hoursVerifiedEvent(
  log: ApprovedLog,
  verifiedBy: string,
  verifiedAt: Date,
  holdId: string,
): HoursVerifiedEvent {
  return {
    details: {
      source: 'hours',
      sourceId: log.id,
      volunteerId: log.volunteerId,
      description: log.description,
      communityId: log.communityId,
      servedOn: log.servedOn,
      minutes: log.minutes,
      verifiedBy,
      verifiedAt: verifiedAt.toISOString(),
    },
    holdId,
    payer: { type: 'community_fund', id: log.communityId },
  };
}
