import { Actor, canCoordinate, hasRole } from '@app/contracts';
import { AccessPolicy } from './access.decorator';

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden' | 'password-change-required';

/**
 * The gateway's rule for every route, kept pure so it can be tested alone:
 * role first, then community scope for coordinators. A service still applies
 * its own rules (it knows the resource; the gateway may only know its id).
 */
export function decideAccess(
  policy: AccessPolicy,
  actor: Actor | null,
  scopedCommunityId: unknown,
): AccessDecision {
  if (policy.public) return 'allow';
  if (!actor) return 'unauthenticated';
  if (actor.mustChangePassword && !policy.beforePasswordChange) return 'password-change-required';
  if (policy.roles && !hasRole(actor, ...policy.roles)) return 'forbidden';
  if (!policy.scope || hasRole(actor, 'admin')) return 'allow';
  // A missing or malformed id is the validator's to report (400), not a 403.
  if (typeof scopedCommunityId !== 'string') return 'allow';
  if (canCoordinate(actor, scopedCommunityId)) return 'allow';
  const otherRoles = (policy.roles ?? []).filter((r) => r !== 'coordinator' && r !== 'admin');
  return otherRoles.length > 0 && hasRole(actor, ...otherRoles) ? 'allow' : 'forbidden';
}
