import { DomainError, ErrorCode, refusal } from '@app/common';
import { Actor, Role } from '@app/contracts';
import {
  assertMayChangeMember,
  assertMayCreateMember,
  assertMayManageMembers,
  mayViewMember,
  MemberRoles,
  newMemberFieldErrors,
  planRoleChange,
} from './member-rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const MERCHANT = '00000000-0000-4000-8000-0000000000ff';

function actor(roles: Role[], coordinatorOf: string[] = [], memberId = 'actor'): Actor {
  return {
    memberId,
    roles,
    communityId: coordinatorOf[0] ?? null,
    coordinatorOf,
    merchantId: null,
  };
}
const admin = actor(['admin']);
const coordinatorOfA = actor(['resident', 'coordinator'], [A]);
const coordinatorOfAB = actor(['coordinator'], [A, B]);
const volunteer = actor(['volunteer']);

function fields(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (error) {
    return ((error as DomainError).details?.errors ?? []).map((e) => e.field);
  }
}

describe('newMemberFieldErrors', () => {
  it('accepts role fields that match the roles', () => {
    expect(newMemberFieldErrors({ roles: ['resident'] })).toEqual([]);
    expect(newMemberFieldErrors({ roles: ['coordinator'], coordinatorOf: [A] })).toEqual([]);
    expect(newMemberFieldErrors({ roles: ['merchant'], merchantId: MERCHANT })).toEqual([]);
    expect(newMemberFieldErrors({ roles: ['resident'], coordinatorOf: [] })).toEqual([]);
  });

  it('asks coordinators for their communities and merchant staff for their merchant', () => {
    const missing = (input: Parameters<typeof newMemberFieldErrors>[0]) =>
      newMemberFieldErrors(input).map((e) => e.field);
    expect(missing({ roles: ['coordinator'] })).toEqual(['coordinatorOf']);
    expect(missing({ roles: ['coordinator'], coordinatorOf: [] })).toEqual(['coordinatorOf']);
    expect(missing({ roles: ['merchant'] })).toEqual(['merchantId']);
  });

  it('refuses role fields without the role, and no roles at all', () => {
    const wrong = (input: Parameters<typeof newMemberFieldErrors>[0]) =>
      newMemberFieldErrors(input).map((e) => e.field);
    expect(wrong({ roles: ['resident'], coordinatorOf: [A] })).toEqual(['coordinatorOf']);
    expect(wrong({ roles: ['volunteer'], merchantId: MERCHANT })).toEqual(['merchantId']);
    expect(wrong({ roles: [] })).toEqual(['roles']);
  });
});

describe('assertMayCreateMember', () => {
  it('lets an admin create anyone anywhere', () => {
    expect(
      refusal(() => assertMayCreateMember(admin, { communityId: C, roles: ['admin'] })),
    ).toBeNull();
    expect(
      refusal(() =>
        assertMayCreateMember(admin, {
          communityId: C,
          roles: ['coordinator'],
          coordinatorOf: [A, B],
        }),
      ),
    ).toBeNull();
  });

  it('lets a coordinator create members and coordinators of its own communities', () => {
    expect(
      refusal(() =>
        assertMayCreateMember(coordinatorOfA, { communityId: A, roles: ['volunteer'] }),
      ),
    ).toBeNull();
    expect(
      refusal(() =>
        assertMayCreateMember(coordinatorOfAB, {
          communityId: A,
          roles: ['coordinator'],
          coordinatorOf: [B],
        }),
      ),
    ).toBeNull();
  });

  it('refuses a coordinator outside its communities, making admins, or widening its reach', () => {
    expect(
      refusal(() => assertMayCreateMember(coordinatorOfA, { communityId: B, roles: ['resident'] })),
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      refusal(() => assertMayCreateMember(coordinatorOfA, { communityId: A, roles: ['admin'] })),
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      refusal(() =>
        assertMayCreateMember(coordinatorOfA, {
          communityId: A,
          roles: ['coordinator'],
          coordinatorOf: [A, B],
        }),
      ),
    ).toBe(ErrorCode.FORBIDDEN);
  });

  it('refuses everyone else', () => {
    expect(
      refusal(() => assertMayCreateMember(volunteer, { communityId: A, roles: ['resident'] })),
    ).toBe(ErrorCode.FORBIDDEN);
  });
});

describe('who may change and see a member', () => {
  it('lets admins and coordinators in scope change a member', () => {
    expect(refusal(() => assertMayManageMembers(volunteer))).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => assertMayManageMembers(coordinatorOfA))).toBeNull();
    expect(refusal(() => assertMayChangeMember(admin, { communityId: C }))).toBeNull();
    expect(refusal(() => assertMayChangeMember(admin, { communityId: null }))).toBeNull();
    expect(refusal(() => assertMayChangeMember(coordinatorOfA, { communityId: A }))).toBeNull();
    expect(refusal(() => assertMayChangeMember(coordinatorOfA, { communityId: B }))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(refusal(() => assertMayChangeMember(coordinatorOfA, { communityId: null }))).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('shows a member to itself, its coordinators and admins only', () => {
    const member = { id: 'm', communityId: A };
    expect(mayViewMember(actor(['resident'], [], 'm'), member)).toBe(true);
    expect(mayViewMember(coordinatorOfA, member)).toBe(true);
    expect(mayViewMember(admin, member)).toBe(true);
    expect(mayViewMember(actor(['coordinator'], [B]), member)).toBe(false);
    expect(mayViewMember(volunteer, member)).toBe(false);
  });
});

describe('planRoleChange', () => {
  const resident: MemberRoles = {
    roles: ['resident'],
    communityId: A,
    coordinatorOf: [],
    merchantId: null,
  };
  const coordinator: MemberRoles = {
    roles: ['resident', 'coordinator'],
    communityId: A,
    coordinatorOf: [A, B],
    merchantId: null,
  };
  const merchantStaff: MemberRoles = {
    roles: ['merchant'],
    communityId: A,
    coordinatorOf: [],
    merchantId: MERCHANT,
  };

  it('lets a coordinator add and remove resident and volunteer', () => {
    expect(planRoleChange(coordinatorOfA, resident, ['resident', 'volunteer']).roles).toEqual([
      'resident',
      'volunteer',
    ]);
    expect(planRoleChange(coordinatorOfA, coordinator, ['coordinator']).coordinatorOf).toEqual([
      A,
      B,
    ]);
  });

  it('keeps admin and coordinator out of a coordinator’s reach, both ways', () => {
    expect(refusal(() => planRoleChange(coordinatorOfA, resident, ['resident', 'admin']))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(
      refusal(() => planRoleChange(coordinatorOfA, resident, ['resident', 'coordinator'])),
    ).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => planRoleChange(coordinatorOfA, coordinator, ['resident']))).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('makes an admin-appointed coordinator coordinate the member’s own community', () => {
    expect(planRoleChange(admin, resident, ['resident', 'coordinator']).coordinatorOf).toEqual([A]);
    expect(planRoleChange(admin, coordinator, ['resident']).coordinatorOf).toEqual([]);
  });

  it('drops the merchant with the merchant role, and never adds that role here', () => {
    expect(planRoleChange(coordinatorOfA, merchantStaff, ['resident']).merchantId).toBeNull();
    expect(
      planRoleChange(coordinatorOfA, merchantStaff, ['merchant', 'volunteer']).merchantId,
    ).toBe(MERCHANT);
    expect(fields(() => planRoleChange(admin, resident, ['resident', 'merchant']))).toEqual([
      'roles',
    ]);
  });

  it('refuses no roles, and a member without a community losing admin', () => {
    expect(fields(() => planRoleChange(admin, resident, []))).toEqual(['roles']);
    const cityAdmin: MemberRoles = {
      roles: ['admin'],
      communityId: null,
      coordinatorOf: [],
      merchantId: null,
    };
    expect(fields(() => planRoleChange(admin, cityAdmin, ['resident']))).toEqual(['roles']);
    expect(fields(() => planRoleChange(admin, cityAdmin, ['admin', 'coordinator']))).toEqual([
      'roles',
    ]);
  });
});
