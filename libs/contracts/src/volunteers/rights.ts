import { IsUUID } from 'class-validator';
import { Actor } from '../common/actor';
import { Role } from '../common/roles';

export const MEMBER_STATUSES = ['active', 'suspended'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * What a member may do, as the volunteers service knows it now. Every service
 * acts on this, not on the copy in an access token: a token names the
 * `rightsVersion` it was issued under, and any change that must take effect at
 * once (roles, suspension, password, sign-out) moves the version on.
 */
export interface MemberRights {
  memberId: string;
  rightsVersion: number;
  status: MemberStatus;
  roles: Role[];
  communityId: string | null;
  coordinatorOf: string[];
  merchantId: string | null;
  mustChangePassword: boolean;
  /** Sessions ended lately (signed out, or a password changed elsewhere): their access tokens are void. */
  endedSessions: string[];
}

/** `volunteers.rights.get` (internal). */
export class RightsQuery {
  @IsUUID('all') memberId!: string;
}

/** `volunteers.rights.get` answers `{ rights }`: a bare null reply would read as no reply at all. */
export interface RightsReply {
  rights: MemberRights | null;
}

/** `volunteers.rights.changed` broadcast. */
export interface RightsChanged {
  memberId: string;
}

/** The actor a service acts for: the member's current rights, under the version they hold. */
export function actorOfRights(rights: MemberRights, sessionId?: string): Actor {
  return {
    sessionId,
    memberId: rights.memberId,
    roles: rights.roles,
    communityId: rights.communityId,
    coordinatorOf: rights.coordinatorOf,
    merchantId: rights.merchantId,
    rightsVersion: rights.rightsVersion,
    mustChangePassword: rights.mustChangePassword,
  };
}
