import { Role } from '../common/roles';

/** Durable events the volunteers service publishes (JetStream, through its outbox). */
export const VolunteersEvents = {
  memberCreated: 'volunteers.member.created',
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
}

/** `volunteers.community.created` */
export interface CommunityCreatedEvent {
  communityId: string;
  code: string;
  name: string;
}
