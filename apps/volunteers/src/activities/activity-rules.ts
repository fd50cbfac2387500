import { DomainError, ErrorCode, FieldError, fieldError } from '@app/common';
import {
  ActivityClosedEvent,
  ActivityRef,
  CHECK_IN_OPENS_MINUTES_BEFORE,
  cityDate,
  CloseActivityView,
  MAX_ACTIVITY_MINUTES,
  PublishActivityDto,
  SignupStatus,
} from '@app/contracts';
import type { ActivityRow, SignupRow } from './activities.repository';

const MINUTE_MS = 60_000;

/** Whole minutes from `from` to `to` (none when `to` is not after `from`). */
function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MINUTE_MS));
}

/** What a publishing request says beyond its fields' shapes; minutesPerVolunteer defaults to the length. */
export function publishRules(
  dto: PublishActivityDto,
  now: Date,
): { errors: FieldError[]; minutesPerVolunteer: number } {
  const startsAt = new Date(dto.startsAt);
  const endsAt = new Date(dto.endsAt);
  const length = minutesBetween(startsAt, endsAt);
  const errors: FieldError[] = [];
  if (startsAt <= now) errors.push(fieldError('startsAt', 'volunteers.activities.startsInFuture'));
  if (endsAt <= startsAt) {
    errors.push(fieldError('endsAt', 'volunteers.activities.endsAfterStart'));
  } else if (length < 1 || length > MAX_ACTIVITY_MINUTES) {
    errors.push(
      fieldError('endsAt', 'volunteers.activities.tooLong', { max: MAX_ACTIVITY_MINUTES }),
    );
  } else if (dto.minutesPerVolunteer !== undefined && dto.minutesPerVolunteer > length) {
    errors.push(
      fieldError('minutesPerVolunteer', 'volunteers.activities.minutesWithinLength', {
        max: length,
      }),
    );
  }
  return { errors, minutesPerVolunteer: dto.minutesPerVolunteer ?? length };
}

function invalidState(key: Parameters<typeof DomainError.of>[1], params = {}): DomainError {
  return DomainError.of(ErrorCode.INVALID_STATE, key, params);
}

/** Only a published activity changes; cancelled and closed ones are final. */
export function assertPublished(activity: ActivityRow): void {
  if (activity.status !== 'published') {
    throw invalidState('volunteers.activities.notPublished', { status: activity.status });
  }
}

/**
 * Where a new sign-up goes: confirmed while places are left, else on the
 * waitlist, which is at most as long as the capacity. A cancelled, closed or
 * finished activity takes none.
 */
export function placeForSignup(
  activity: ActivityRow,
  confirmed: number,
  waitlisted: number,
  now: Date,
): SignupStatus {
  if (activity.status !== 'published') {
    throw invalidState('volunteers.activities.notOpen', { status: activity.status });
  }
  if (activity.endsAt <= now) throw invalidState('volunteers.activities.over');
  if (confirmed < activity.capacity) return 'confirmed';
  if (waitlisted < activity.capacity) return 'waitlisted';
  throw invalidState('volunteers.activities.full');
}

/** Check-in opens an hour before the start and closes at the end. */
export function assertCheckInOpen(activity: ActivityRow, now: Date): void {
  assertPublished(activity);
  const opens = activity.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * MINUTE_MS;
  if (now.getTime() < opens || now > activity.endsAt) {
    throw invalidState('volunteers.activities.checkInNotOpen', {
      minutes: CHECK_IN_OPENS_MINUTES_BEFORE,
    });
  }
}

/** Check-out, like check-in, from an hour before the start; then until the activity is closed. */
export function assertCheckOutOpen(activity: ActivityRow, now: Date): void {
  assertPublished(activity);
  const opens = activity.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * MINUTE_MS;
  if (now.getTime() < opens) {
    throw invalidState('volunteers.activities.checkInNotOpen', {
      minutes: CHECK_IN_OPENS_MINUTES_BEFORE,
    });
  }
}

/** Only a confirmed volunteer checks in or out. */
export function assertConfirmed(signup: SignupRow | null): SignupRow {
  if (!signup) throw invalidState('volunteers.activities.notSignedUp');
  if (signup.status !== 'confirmed') throw invalidState('volunteers.activities.notConfirmed');
  return signup;
}

/**
 * The minutes an attendance earns: its overlap with the activity's window, at
 * most minutesPerVolunteer. Checked in without checking out counts until the end.
 */
export function paidMinutes(
  activity: Pick<ActivityRow, 'startsAt' | 'endsAt' | 'minutesPerVolunteer'>,
  checkedInAt: Date,
  checkedOutAt: Date | null,
): number {
  const from = Math.max(checkedInAt.getTime(), activity.startsAt.getTime());
  const to = Math.min((checkedOutAt ?? activity.endsAt).getTime(), activity.endsAt.getTime());
  return Math.min(activity.minutesPerVolunteer, minutesBetween(new Date(from), new Date(to)));
}

/** An activity closes once it has started. */
const DAY_MS = 24 * 3600 * 1000;

/** The fund's hold for an activity lasts this long after its end, so a late close is paid from it. */
export const HOLD_DAYS_AFTER_END = 30;

/**
 * The last day a close is taken: two days before the hold expires, so the ledger
 * settles it while it is still open, even after an outage of a day.
 */
export const CLOSE_WITHIN_DAYS = HOLD_DAYS_AFTER_END - 2;

export function holdExpiry(endsAt: Date): Date {
  return new Date(endsAt.getTime() + HOLD_DAYS_AFTER_END * DAY_MS);
}

export function assertMayClose(activity: ActivityRow, now: Date): void {
  assertPublished(activity);
  if (activity.startsAt > now) throw invalidState('volunteers.activities.notStarted');
  if (now.getTime() > activity.endsAt.getTime() + CLOSE_WITHIN_DAYS * DAY_MS) {
    throw invalidState('volunteers.activities.closeTooLate', { days: CLOSE_WITHIN_DAYS });
  }
}

export function activityRef(activity: ActivityRow): ActivityRef {
  return {
    activityId: activity.id,
    title: activity.title,
    communityId: activity.communityId,
    place: activity.place,
    startsAt: activity.startsAt.toISOString(),
    endsAt: activity.endsAt.toISOString(),
  };
}

/**
 * What closing pays: each confirmed attendance its minutes (none paid for an
 * attendance worth 0 minutes), and who never checked in. Each payment is a
 * service record entry whose source id is the sign-up's id.
 */
export function closing(
  activity: ActivityRow,
  signups: SignupRow[],
  closedBy: string,
  closedAt: Date,
  cityTimeZone: string,
): { event: ActivityClosedEvent; paid: Map<string, number>; answer: CloseActivityView } {
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  const paid = new Map<string, number>();
  const event: ActivityClosedEvent = {
    activity: activityRef(activity),
    holdId: activity.holdId,
    payments: [],
    noShows: [],
    closedBy,
    closedAt: closedAt.toISOString(),
  };
  for (const signup of confirmed) {
    if (!signup.checkedInAt) {
      event.noShows.push(signup.volunteerId);
      continue;
    }
    const minutes = paidMinutes(activity, signup.checkedInAt, signup.checkedOutAt);
    paid.set(signup.id, minutes);
    if (minutes === 0) continue;
    event.payments.push({
      volunteerId: signup.volunteerId,
      minutes,
      details: {
        source: 'activity',
        sourceId: signup.id,
        volunteerId: signup.volunteerId,
        description: activity.title,
        communityId: activity.communityId,
        servedOn: cityDate(activity.startsAt, cityTimeZone),
        minutes,
        verifiedBy: closedBy,
        verifiedAt: closedAt.toISOString(),
      },
    });
  }
  return { event, paid, answer: closeAnswer(activity, signups, paid) };
}

/** The answer of a close, the first time and every time after (from what was recorded). */
export function closeAnswer(
  _activity: ActivityRow,
  signups: SignupRow[],
  paid: Map<string, number> = new Map(
    signups.filter((s) => s.paidMinutes !== null).map((s) => [s.id, s.paidMinutes as number]),
  ),
): CloseActivityView {
  const confirmed = signups.filter((s) => s.status === 'confirmed');
  return {
    paid: confirmed
      .filter((s) => (paid.get(s.id) ?? 0) > 0)
      .map((s) => ({ volunteerId: s.volunteerId, minutes: paid.get(s.id) as number })),
    noShows: confirmed.filter((s) => !s.checkedInAt).map((s) => s.volunteerId),
  };
}
