import { DomainError } from '@app/common';
import { Actor, canCoordinate, Role } from '@app/contracts';
import { randomInt } from 'node:crypto';

/** Staff roles only an admin may act on: a coordinator cannot take over a colleague's account. */
const STAFF_ROLES: Role[] = ['admin', 'coordinator'];

/**
 * Resetting a password or suspending a member: an admin, or a coordinator of
 * the member's community for members who are not staff; never oneself (there
 * is `POST /me/password` for that, and suspending oneself locks the door).
 */
export function assertMayManageAccess(
  actor: Actor,
  member: { id: string; communityId: string | null; roles: Role[] },
): void {
  if (actor.memberId === member.id) {
    throw DomainError.forbidden('volunteers.credentials.notOwnAccount');
  }
  if (actor.roles.includes('admin')) return;
  if (!canCoordinate(actor, member.communityId)) {
    throw DomainError.forbidden('volunteers.credentials.coordinatorScope');
  }
  if (member.roles.some((role) => STAFF_ROLES.includes(role))) {
    throw DomainError.forbidden('volunteers.credentials.staffByAdmins');
  }
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password like `kq7m-3xtp-9fhw`: 12 symbols of 31, about 59 bits. */
export function temporaryPassword(): string {
  const symbols = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((start) => symbols.slice(start, start + 4).join('')).join('-');
}
