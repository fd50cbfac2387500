import { Actor } from '@app/contracts';
import { assertMayManageAccess, temporaryPassword } from './credential-rules';

const community = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';

function actor(roles: Actor['roles'], coordinatorOf: string[] = []): Actor {
  return {
    memberId: '33333333-3333-4333-8333-333333333333',
    roles,
    communityId: coordinatorOf[0] ?? null,
    coordinatorOf,
    merchantId: null,
  };
}

const resident = {
  id: '44444444-4444-4444-8444-444444444444',
  communityId: community,
  roles: ['resident' as const],
};

describe('who may reset a password or suspend a member', () => {
  it('lets an admin manage anyone but themselves', () => {
    expect(() => assertMayManageAccess(actor(['admin']), resident)).not.toThrow();
    const admin = actor(['admin']);
    expect(() =>
      assertMayManageAccess(admin, { id: admin.memberId, communityId: null, roles: ['admin'] }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets a coordinator manage residents of its communities only', () => {
    expect(() =>
      assertMayManageAccess(actor(['coordinator'], [community]), resident),
    ).not.toThrow();
    expect(() => assertMayManageAccess(actor(['coordinator'], [other]), resident)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('keeps a coordinator away from other staff', () => {
    const colleague = { ...resident, roles: ['coordinator' as const] };
    expect(() => assertMayManageAccess(actor(['coordinator'], [community]), colleague)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses residents and volunteers', () => {
    expect(() => assertMayManageAccess(actor(['volunteer']), resident)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe('temporary passwords', () => {
  it('are three groups of four unambiguous symbols, and differ each time', () => {
    const seen = new Set(Array.from({ length: 200 }, () => temporaryPassword()));
    expect(seen.size).toBe(200);
    for (const password of seen) {
      expect(password).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
    }
  });
});
