import { DomainError, FieldError, fieldError } from '@app/common';
import { Actor, canCoordinate, Role } from '@app/contracts';

/**
 * Who may do what to members, as pure functions of the acting member's current
 * record (never the token's copy) and the member concerned.
 */

export interface NewMemberRoles {
  communityId: string;
  roles: Role[];
  coordinatorOf?: string[];
  merchantId?: string;
}

/** The role-specific fields of a new member must match its roles. */
export function newMemberFieldErrors(input: Omit<NewMemberRoles, 'communityId'>): FieldError[] {
  const errors: FieldError[] = [];
  const coordinator = input.roles.includes('coordinator');
  const merchant = input.roles.includes('merchant');
  if (input.roles.length === 0) {
    errors.push(fieldError('roles', 'volunteers.members.rolesEmpty'));
  }
  if (coordinator && !input.coordinatorOf?.length) {
    errors.push(fieldError('coordinatorOf', 'volunteers.members.coordinatorOfRequired'));
  }
  if (!coordinator && input.coordinatorOf?.length) {
    errors.push(fieldError('coordinatorOf', 'volunteers.members.coordinatorOfOnlyCoordinators'));
  }
  if (merchant && input.merchantId === undefined) {
    errors.push(fieldError('merchantId', 'volunteers.members.merchantIdRequired'));
  }
  if (!merchant && input.merchantId !== undefined) {
    errors.push(fieldError('merchantId', 'volunteers.members.merchantIdOnlyMerchants'));
  }
  return errors;
}

/** Admins create anyone; a coordinator creates members of its own communities, never admins. */
export function assertMayCreateMember(actor: Actor, input: NewMemberRoles): void {
  if (actor.roles.includes('admin')) return;
  if (!actor.roles.includes('coordinator')) {
    throw DomainError.forbidden('volunteers.members.createForbidden');
  }
  if (!actor.coordinatorOf.includes(input.communityId)) {
    throw DomainError.forbidden('volunteers.members.createScope');
  }
  if (input.roles.includes('admin')) {
    throw DomainError.forbidden('volunteers.members.grantAdmin');
  }
  if (!(input.coordinatorOf ?? []).every((id) => actor.coordinatorOf.includes(id))) {
    throw DomainError.forbidden('volunteers.members.appointScope');
  }
}

/** Admins and coordinators only; checked before the member is looked up. */
export function assertMayManageMembers(actor: Actor): void {
  if (!actor.roles.includes('admin') && !actor.roles.includes('coordinator')) {
    throw DomainError.forbidden('volunteers.members.changeForbidden');
  }
}

/** Admins change anyone; a coordinator only members of communities it coordinates. */
export function assertMayChangeMember(actor: Actor, member: { communityId: string | null }): void {
  if (!canCoordinate(actor, member.communityId)) {
    throw DomainError.forbidden('volunteers.members.changeScope');
  }
}

/**
 * The communities whose members the directory lists to `actor` (null: every
 * community, for admins), narrowed to `communityId` when one is asked for;
 * asking for a community one does not coordinate is refused.
 */
export function directoryScope(actor: Actor, communityId?: string): string[] | null {
  if (actor.roles.includes('admin')) return communityId === undefined ? null : [communityId];
  if (communityId === undefined) return actor.coordinatorOf;
  if (!canCoordinate(actor, communityId)) {
    throw DomainError.forbidden('volunteers.members.listScope');
  }
  return [communityId];
}

/** A member is visible to itself, to coordinators of its community and to admins. */
export function mayViewMember(
  actor: Actor,
  member: { id: string; communityId: string | null },
): boolean {
  return actor.memberId === member.id || canCoordinate(actor, member.communityId);
}

export interface MemberRoles {
  roles: Role[];
  communityId: string | null;
  coordinatorOf: string[];
  merchantId: string | null;
}

const STAFF_ROLES: Role[] = ['admin', 'coordinator'];

/**
 * The member's roles after `actor` sets them to `roles`. Coordinators may not
 * grant or remove admin or coordinator. A coordinator appointed here serves
 * the member's own community; merchant staff are only made with their merchant
 * (volunteers.member.create), so `merchant` cannot be added here.
 */
export function planRoleChange(actor: Actor, member: MemberRoles, roles: Role[]): MemberRoles {
  const changed = [
    ...roles.filter((role) => !member.roles.includes(role)),
    ...member.roles.filter((role) => !roles.includes(role)),
  ];
  if (!actor.roles.includes('admin') && changed.some((role) => STAFF_ROLES.includes(role))) {
    throw DomainError.forbidden('volunteers.members.staffRoles');
  }
  const added = roles.filter((role) => !member.roles.includes(role));
  const errors: FieldError[] = [];
  if (roles.length === 0) {
    errors.push(fieldError('roles', 'volunteers.members.rolesEmpty'));
  }
  if (added.includes('merchant')) {
    errors.push(fieldError('roles', 'volunteers.members.merchantRoleAdded'));
  }
  if (added.includes('coordinator') && member.communityId === null) {
    errors.push(fieldError('roles', 'volunteers.members.noCommunityToCoordinate'));
  }
  if (member.communityId === null && roles.length > 0 && !roles.includes('admin')) {
    errors.push(fieldError('roles', 'volunteers.members.noCommunityKeepsAdmin'));
  }
  if (errors.length > 0) throw DomainError.validation(errors);

  const coordinatorOf = !roles.includes('coordinator')
    ? []
    : member.roles.includes('coordinator')
      ? member.coordinatorOf
      : [member.communityId!];
  const merchantId = roles.includes('merchant') ? member.merchantId : null;
  return { roles, communityId: member.communityId, coordinatorOf, merchantId };
}
