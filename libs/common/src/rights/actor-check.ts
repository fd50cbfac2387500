import { Actor, actorOfRights, MemberRights } from '@app/contracts';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

const SIGN_IN_AGAIN = 'Sign in again: your access has changed since this token was issued';

/**
 * The actor a service may act for: the member's rights as they are now, when
 * the token's rights version is still current and the member is not suspended;
 * otherwise the caller is no longer authenticated (401).
 */
export function currentActor(claimed: Actor, current: MemberRights | null): Actor {
  if (!current || current.memberId !== claimed.memberId) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, SIGN_IN_AGAIN);
  }
  if (current.status !== 'active') {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This account is suspended');
  }
  if (claimed.rightsVersion !== current.rightsVersion) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, SIGN_IN_AGAIN);
  }
  if (!claimed.sessionId || current.endedSessions.includes(claimed.sessionId)) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in again: this session has ended');
  }
  return actorOfRights(current, claimed.sessionId);
}

/** Refuses everything but changing a temporary password while one must be changed. */
export function assertPasswordChanged(actor: Actor): void {
  if (actor.mustChangePassword) {
    throw new DomainError(
      ErrorCode.PASSWORD_CHANGE_REQUIRED,
      'Choose a new password first: this one was given to you by staff',
    );
  }
}
