import { Role } from '../common/roles';
import { HoursVerifiedEvent } from '../common/verified-service';
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

/** Durable events the volunteers service publishes (JetStream, through its outbox). */
export const VolunteersEvents = {
  memberCreated: event<MemberCreatedEvent>('volunteers.member.created'),
  /** A member's display name or phone changed. */
  memberUpdated: event<MemberUpdatedEvent>('volunteers.member.updated'),
  communityCreated: event<CommunityCreatedEvent>('volunteers.community.created'),
  /** Approved hour logs: the ledger pays them from the community fund. */
  hoursVerified: event<HoursVerifiedEvent>('volunteers.hours.verified'),
  tierReached: event<TierReachedEvent>('volunteers.tier.reached'),
} as const;
