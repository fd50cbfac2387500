import { Role } from '../common/roles';
import { HoursVerifiedEvent, ServiceDetails } from '../common/verified-service';
import { event } from '../message';

/** `volunteers.member.created`: a member joined (registered or created by staff). */
export interface MemberCreatedEvent {
  memberId: string;
  displayName: string;
  communityId: string | null;
  roles: Role[];
  /** E.164; absent on events written before phones were announced. */
  phone?: string | null;
  /** The member row's version (its updated_at): copies keep the newest. Absent on older events. */
  asOf?: string;
}

/**
 * `volunteers.member.updated`: what other services copy of a member (name,
 * phone) changed. Services that keep a copy apply it when `asOf` is newer than
 * theirs, so events arriving out of order leave the newest.
 */
export interface MemberUpdatedEvent {
  memberId: string;
  displayName: string;
  phone: string | null;
  asOf: string;
}

/** `volunteers.community.created` */
export interface CommunityCreatedEvent {
  communityId: string;
  code: string;
  name: string;
}

/** `volunteers.tier.reached` */
export interface TierReachedEvent {
  volunteerId: string;
  level: number;
  name: string;
  lifetimeEarnedMinutes: number;
  at: string;
}

/** `volunteers.hours.logged`: a volunteer logged hours; the community's coordinators review them. */
export interface HoursLoggedEvent {
  logId: string;
  volunteerId: string;
  volunteerName: string;
  communityId: string;
  minutes: number;
  servedOn: string;
}

/** `volunteers.hours.rejected`: a coordinator rejected logged hours, with the reason the volunteer reads. */
export interface HoursRejectedEvent {
  logId: string;
  volunteerId: string;
  communityId: string;
  minutes: number;
  servedOn: string;
  reason: string;
  rejectedBy: string;
  at: string;
}

/** What every activity event says about the activity, enough to tell a member about it. */
export interface ActivityRef {
  activityId: string;
  title: string;
  communityId: string;
  place: string;
  startsAt: string;
  endsAt: string;
}

/** One attendance paid when an activity closes: `details.source` is `activity`. */
export interface ActivityPayment {
  volunteerId: string;
  minutes: number;
  details: ServiceDetails;
}

/**
 * `volunteers.activity.closed`: the ledger pays every attendance from the
 * activity's hold, in one transaction, once, and releases the rest; each
 * payment's transfer carries its `details`, so it lands on the service record.
 */
export interface ActivityClosedEvent {
  activity: ActivityRef;
  holdId: string;
  payments: ActivityPayment[];
  noShows: string[];
  closedBy: string;
  closedAt: string;
}

/** `volunteers.activity.cancelled`: the ledger voids the hold; everyone signed up is told. */
export interface ActivityCancelledEvent {
  activity: ActivityRef;
  holdId: string;
  reason: string;
  /** Everyone signed up when it was cancelled: confirmed and waitlisted. */
  volunteerIds: string[];
  cancelledBy: string;
  at: string;
}

/** `volunteers.activity.signup-promoted`: a place freed up and the first on the waitlist has it. */
export interface SignupPromotedEvent {
  activity: ActivityRef;
  volunteerId: string;
  at: string;
}

/** `volunteers.activity.reminder-due`: the activity starts within a day; sent once per activity. */
export interface ActivityReminderEvent {
  activity: ActivityRef;
  /** The confirmed volunteers at the time of the reminder. */
  volunteerIds: string[];
}

/** Durable events the volunteers service publishes (JetStream, through its outbox). */
export const VolunteersEvents = {
  memberCreated: event<MemberCreatedEvent>('volunteers.member.created'),
  /** A member's display name or phone changed. */
  memberUpdated: event<MemberUpdatedEvent>('volunteers.member.updated'),
  communityCreated: event<CommunityCreatedEvent>('volunteers.community.created'),
  /** Approved hour logs: the ledger pays them from the community fund. */
  hoursVerified: event<HoursVerifiedEvent>('volunteers.hours.verified'),
  tierReached: event<TierReachedEvent>('volunteers.tier.reached'),
  hoursLogged: event<HoursLoggedEvent>('volunteers.hours.logged'),
  hoursRejected: event<HoursRejectedEvent>('volunteers.hours.rejected'),
  activityClosed: event<ActivityClosedEvent>('volunteers.activity.closed'),
  activityCancelled: event<ActivityCancelledEvent>('volunteers.activity.cancelled'),
  signupPromoted: event<SignupPromotedEvent>('volunteers.activity.signup-promoted'),
  activityReminderDue: event<ActivityReminderEvent>('volunteers.activity.reminder-due'),
} as const;
