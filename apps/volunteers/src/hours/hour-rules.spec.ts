import { DomainError, ErrorCode, refusal } from '@app/common';
import { Actor } from '@app/contracts';
import {
  assertMayReview,
  assertNotOwnLog,
  assertPending,
  assertWithinDailyLimit,
  hoursVerifiedEvent,
  isSameRejection,
  listScope,
  mayViewLog,
  servedOnErrors,
} from './hour-rules';

const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';

function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    memberId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    roles: ['volunteer'],
    communityId: C1,
    coordinatorOf: [],
    merchantId: null,
    ...overrides,
  };
}

const coordinator = actor({
  memberId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  roles: ['coordinator', 'volunteer'],
  coordinatorOf: [C1],
});
const log = { volunteerId: actor().memberId, communityId: C1 };

describe('servedOnErrors', () => {
  it('accepts today and earlier days, refuses a day to come naming servedOn', () => {
    expect(servedOnErrors('2026-03-10', '2026-03-10')).toEqual([]);
    expect(servedOnErrors('2025-12-31', '2026-03-10')).toEqual([]);
    expect(servedOnErrors('2026-03-11', '2026-03-10')).toEqual([
      expect.objectContaining({ field: 'servedOn' }),
    ]);
  });
});

describe('assertWithinDailyLimit', () => {
  it('allows up to 1440 minutes a day in total', () => {
    expect(refusal(() => assertWithinDailyLimit(0, 1440, '2026-03-10'))).toBeNull();
    expect(refusal(() => assertWithinDailyLimit(1000, 440, '2026-03-10'))).toBeNull();
  });

  it('refuses one minute more as NOT_ELIGIBLE, saying what is left', () => {
    expect(refusal(() => assertWithinDailyLimit(1000, 441, '2026-03-10'))).toBe(
      ErrorCode.NOT_ELIGIBLE,
    );
    try {
      assertWithinDailyLimit(1000, 441, '2026-03-10');
    } catch (error) {
      expect((error as DomainError).details).toEqual({
        servedOn: '2026-03-10',
        loggedMinutes: 1000,
        remainingMinutes: 440,
      });
    }
  });
});

describe('reviewing', () => {
  it("lets only coordinators of the log's community review it", () => {
    expect(refusal(() => assertMayReview(coordinator, log))).toBeNull();
    expect(refusal(() => assertMayReview(coordinator, { ...log, communityId: C2 }))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(refusal(() => assertMayReview(actor({ roles: ['admin'] }), log))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(refusal(() => assertMayReview(actor({ coordinatorOf: [C1] }), log))).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('refuses approving one’s own log as FORBIDDEN (API.md: nobody acts in their own favour)', () => {
    expect(refusal(() => assertNotOwnLog(coordinator, log))).toBeNull();
    expect(refusal(() => assertNotOwnLog(coordinator, { volunteerId: coordinator.memberId }))).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('reviews only pending logs', () => {
    expect(refusal(() => assertPending({ status: 'pending' }, 'approve'))).toBeNull();
    expect(refusal(() => assertPending({ status: 'approved' }, 'approve'))).toBe(
      ErrorCode.INVALID_STATE,
    );
    expect(refusal(() => assertPending({ status: 'rejected' }, 'reject'))).toBe(
      ErrorCode.INVALID_STATE,
    );
  });
});

describe('isSameRejection', () => {
  const rejected = {
    status: 'rejected' as const,
    reviewedBy: coordinator.memberId,
    rejectionReason: 'not this week',
  };

  it('knows a batch sent again: the same reviewer and reason on a rejected log', () => {
    expect(isSameRejection(rejected, coordinator.memberId, 'not this week')).toBe(true);
  });

  it('is not fooled by another reviewer, another reason or a log not rejected', () => {
    expect(isSameRejection(rejected, actor().memberId, 'not this week')).toBe(false);
    expect(isSameRejection(rejected, coordinator.memberId, 'wrong day')).toBe(false);
    expect(
      isSameRejection({ ...rejected, status: 'pending' }, coordinator.memberId, 'not this week'),
    ).toBe(false);
  });
});

describe('who sees which logs', () => {
  it('shows a log to its volunteer, its coordinators and admins only', () => {
    expect(mayViewLog(actor(), log)).toBe(true);
    expect(mayViewLog(coordinator, log)).toBe(true);
    expect(mayViewLog(actor({ memberId: coordinator.memberId }), log)).toBe(false);
    expect(mayViewLog(actor({ memberId: coordinator.memberId, roles: ['admin'] }), log)).toBe(true);
  });

  it('lists own logs, plus the communities coordinated, or everything for admins', () => {
    expect(listScope(actor())).toEqual({
      visibleTo: { memberId: actor().memberId, communityIds: [] },
    });
    expect(listScope(coordinator)).toEqual({
      visibleTo: { memberId: coordinator.memberId, communityIds: [C1] },
    });
    expect(listScope(actor({ roles: ['admin'] }))).toEqual({ visibleTo: null });
  });
});

describe('hoursVerifiedEvent', () => {
  it('posts the fund hold to the volunteer for exactly the approved log', () => {
    const at = new Date('2026-03-10T08:00:00Z');
    const event = hoursVerifiedEvent(
      {
        id: '33333333-3333-4333-8333-333333333333',
        volunteerId: log.volunteerId,
        communityId: C1,
        description: '社区清洁 "<b>"',
        servedOn: '2026-03-09',
        minutes: 90,
      },
      coordinator.memberId,
      at,
      '44444444-4444-4444-8444-444444444444',
    );
    expect(event).toEqual({
      details: {
        source: 'hours',
        sourceId: '33333333-3333-4333-8333-333333333333',
        volunteerId: log.volunteerId,
        description: '社区清洁 "<b>"',
        communityId: C1,
        servedOn: '2026-03-09',
        minutes: 90,
        verifiedBy: coordinator.memberId,
        verifiedAt: '2026-03-10T08:00:00.000Z',
      },
      holdId: '44444444-4444-4444-8444-444444444444',
      payer: { type: 'community_fund', id: C1 },
    });
  });
});
