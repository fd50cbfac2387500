import { Role } from '../common/roles';

/** Durable events the volunteers service publishes (JetStream, through its outbox). */
export const VolunteersEvents = {
  memberCreated: 'volunteers.member.created',
  /** MemberUpdatedEvent: a member's display name or phone changed. */
  memberUpdated: 'volunteers.member.updated',
  communityCreated: 'volunteers.community.created',
  /** HoursVerifiedEvent (libs/contracts/src/service) */
  hoursVerified: 'volunteers.hours.verified',
  /** TierReachedEvent (libs/contracts/src/service) */
  tierReached: 'volunteers.tier.reached',
} as const;

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
