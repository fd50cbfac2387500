import { Role } from './roles';

/** Who is acting, as the gateway authenticated them; sent with every command. */
export interface Actor {
  memberId: string;
  roles: Role[];
  communityId: string | null;
  coordinatorOf: string[];
  merchantId: string | null;
  /**
   * The member's rights version this actor was authenticated under. Every
   * service compares it with the current one and refuses a stale actor.
   */
  rightsVersion?: number;
  /** The session (one sign-in and its refreshes) the access token belongs to. */
  sessionId?: string;
  /** A temporary password must be changed before anything else. */
  mustChangePassword?: boolean;
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && roles.some((role) => actor.roles.includes(role));
}

/** Admins see every community; coordinators only those they coordinate. */
export function canCoordinate(
  actor: Actor | null | undefined,
  communityId: string | null,
): boolean {
  if (!actor) return false;
  if (actor.roles.includes('admin')) return true;
  return (
    actor.roles.includes('coordinator') &&
    communityId !== null &&
    actor.coordinatorOf.includes(communityId)
  );
}
