import { Actor, actorOfRights, MemberRights } from '@app/contracts';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/**
 * The actor a service may act for: the member's rights as they are now, when
 * the token's rights version is still current and the member is not suspended;
 * otherwise the caller is no longer authenticated (401).
 */
export function currentActor(claimed: Actor, current: MemberRights | null): Actor {
  if (!current || current.memberId !== claimed.memberId) {
    throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.signInAgain');
  }
  if (current.status !== 'active') {
    throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.suspended');
  }
  if (claimed.rightsVersion !== current.rightsVersion) {
    throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.signInAgain');
  }
  if (!claimed.sessionId || current.endedSessions.includes(claimed.sessionId)) {
    throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.sessionEnded');
  }
  return actorOfRights(current, claimed.sessionId);
}

/** Refuses everything but changing a temporary password while one must be changed. */
export function assertPasswordChanged(actor: Actor): void {
  if (actor.mustChangePassword) {
    throw DomainError.of(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'auth.changePasswordFirst');
  }
}
