/**
 * Nobody acts in their own favour (API.md, amended rules): no one approves,
 * confirms, resolves, adjusts, reverses or settles credits to themselves, and
 * the service that owns the decision refuses it (403 FORBIDDEN) with nothing
 * moved. Also: commands sent at once without an Idempotency-Key answer what
 * the same commands answer one after another.
 */
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  createMember,
  fundCommunity,
  merchantWithStaff,
  register,
  requestTerms,
  SignedIn,
} from './support/fixtures';
import { claimAndRedeem } from './support/counter';
import { expectProblem } from './support/problems';
import { eventually } from './support/wait';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const FUND_MINUTES = 1_000_000;

interface Balance {
  balanceMinutes: number;
  heldMinutes: number;
}

let admin: string;
let community: Community;
let coordinator: SignedIn;

/** Polls until `check` passes (it throws until then); never a fixed sleep. */

async function balanceOf(who: SignedIn): Promise<Balance> {
  const { balanceMinutes, heldMinutes } = ok<Balance>(
    await api('GET', '/accounts/me', { token: who.token }),
    200,
    'account',
  );
  return { balanceMinutes, heldMinutes };
}

async function fund(communityId = community.id): Promise<Balance> {
  const { balanceMinutes, heldMinutes } = ok<Balance>(
    await api('GET', `/communities/${communityId}/fund`, { token: admin }),
    200,
    'fund',
  );
  return { balanceMinutes, heldMinutes };
}

async function adjust(by: string, member: SignedIn, minutes: number): Promise<any> {
  return ok(
    await api('POST', `/members/${member.member.id}/adjustments`, {
      token: by,
      body: { minutes, reason: 'opening balance' },
    }),
    201,
    'adjustment',
  );
}

/** A coordinator of the community who also holds other roles. */
function coordinatorWho(roles: string[], extra: Record<string, unknown> = {}): Promise<SignedIn> {
  return createMember(admin, {
    communityId: community.id,
    roles: ['coordinator', ...roles],
    coordinatorOf: [community.id],
    ...extra,
  });
}

/** `count` copies of one call at once, answered as [status, code] pairs, counted. */
async function atOnce(
  count: number,
  call: () => Promise<ApiResponse>,
): Promise<Record<string, number>> {
  const answers = await Promise.all(Array.from({ length: count }, call));
  const tally: Record<string, number> = {};
  for (const res of answers) {
    const key = res.status < 300 ? String(res.status) : `${res.status} ${res.body?.code}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

// ---- help requests ----

function act(token: string, id: string, action: string, body?: unknown): Promise<ApiResponse> {
  return api('POST', `/requests/${id}/${action}`, { token, body });
}

/** A request of `requester` (who is given credits first), accepted and completed by `helper`. */
async function completedRequest(requester: SignedIn, helper: SignedIn): Promise<{ id: string }> {
  await adjust(coordinator.token, requester, 300);
  const request = ok<{ id: string }>(
    await api('POST', '/requests', { token: requester.token, body: requestTerms() }),
    201,
    'post',
  );
  ok(await act(helper.token, request.id, 'accept'), 200, 'accept');
  ok(await act(helper.token, request.id, 'complete', { minutes: 60 }), 200, 'complete');
  return request;
}

// ---- hours ----

let nextDay = 3;
function pastDay(): string {
  nextDay += 1;
  return new Date(Date.now() - nextDay * DAY).toISOString().slice(0, 10);
}

async function logHours(who: SignedIn, minutes = 60): Promise<{ id: string }> {
  return ok(
    await api('POST', '/hours', {
      token: who.token,
      body: { minutes, servedOn: pastDay(), description: 'Park clean-up' },
    }),
    201,
    'log hours',
  );
}

// ---- rewards ----

function aMerchant(): Promise<{ id: string; staff: SignedIn }> {
  return merchantWithStaff(coordinator.token, community.id);
}

async function pendingOffer(
  merchant: { id: string; staff: SignedIn },
  extra: Record<string, unknown> = {},
): Promise<{ id: string }> {
  return ok(
    await api('POST', `/merchants/${merchant.id}/offers`, {
      token: merchant.staff.token,
      body: {
        title: '豆浆九折',
        description: '每天早上',
        discount: { kind: 'percent', value: 10 },
        creditCostMinutes: 30,
        minTier: 0,
        validFrom: new Date(Date.now() - HOUR).toISOString(),
        validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
        quantity: 100,
        perMemberLimit: 5,
        ...extra,
      },
    }),
    201,
    'offer',
  );
}

/** Credits in the merchant's account: a resident's voucher for 30 minutes, redeemed. */
async function merchantEarns(merchant: { id: string; staff: SignedIn }): Promise<void> {
  const offer = await pendingOffer(merchant);
  ok(await api('POST', `/offers/${offer.id}/approve`, { token: coordinator.token }), 200, 'ok');
  const buyer = await register(community.id, { roles: ['volunteer'] });
  await adjust(coordinator.token, buyer, 100);
  await claimAndRedeem(buyer, offer.id, merchant.staff);
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 1);
  coordinator = await coordinatorOf(admin, community.id);
  await fundCommunity(admin, community.id, { minutes: FUND_MINUTES, memo: 'four eyes e2e' });
});

describe('nobody acts in their own favour (403 FORBIDDEN, nothing moves)', () => {
  it('a coordinator cannot adjust their own account, up or down; another coordinator can', async () => {
    const self = await coordinatorWho([]);
    const fundBefore = await fund();
    expectProblem(
      await api('POST', `/members/${self.member.id}/adjustments`, {
        token: self.token,
        body: { minutes: 500, reason: 'my own bonus' },
      }),
      403,
      'FORBIDDEN',
    );
    expect(await balanceOf(self)).toEqual({ balanceMinutes: 0, heldMinutes: 0 });
    expect(await fund()).toEqual(fundBefore);

    await adjust(coordinator.token, self, 100);
    expectProblem(
      await api('POST', `/members/${self.member.id}/adjustments`, {
        token: self.token,
        body: { minutes: -40, reason: 'tidy my own account' },
      }),
      403,
      'FORBIDDEN',
    );
    expect(await balanceOf(self)).toEqual({ balanceMinutes: 100, heldMinutes: 0 });
    expect(await fund()).toEqual({
      ...fundBefore,
      balanceMinutes: fundBefore.balanceMinutes - 100,
    });
  });

  it('an admin cannot adjust their own account either', async () => {
    const secondAdmin = await createMember(admin, { communityId: community.id, roles: ['admin'] });
    const fundBefore = await fund();
    expectProblem(
      await api('POST', `/members/${secondAdmin.member.id}/adjustments`, {
        token: secondAdmin.token,
        body: { minutes: 500, reason: 'my own bonus' },
      }),
      403,
      'FORBIDDEN',
    );
    expect(await balanceOf(secondAdmin)).toEqual({ balanceMinutes: 0, heldMinutes: 0 });
    expect(await fund()).toEqual(fundBefore);
  });

  it('an admin cannot reverse a transfer to or from their own account', async () => {
    const secondAdmin = await createMember(admin, { communityId: community.id, roles: ['admin'] });
    const credit = await adjust(coordinator.token, secondAdmin, 100);
    const relative = await register(community.id);
    const gift = ok(
      await api('POST', '/transfers', {
        token: secondAdmin.token,
        body: { toMemberId: relative.member.id, minutes: 40 },
      }),
      201,
      'gift',
    );
    for (const transferId of [gift.transferId, credit.transferId]) {
      expectProblem(
        await api('POST', `/transfers/${transferId}/reverse`, {
          token: secondAdmin.token,
          body: { reason: 'changed my mind' },
        }),
        403,
        'FORBIDDEN',
      );
    }
    expect(await balanceOf(secondAdmin)).toEqual({ balanceMinutes: 60, heldMinutes: 0 });
    expect(await balanceOf(relative)).toEqual({ balanceMinutes: 40, heldMinutes: 0 });
    // Another admin may.
    ok(
      await api('POST', `/transfers/${gift.transferId}/reverse`, {
        token: admin,
        body: { reason: 'sent by mistake' },
      }),
      201,
      'reverse',
    );
    expect(await balanceOf(secondAdmin)).toEqual({ balanceMinutes: 100, heldMinutes: 0 });
  });

  it('a gift to oneself moves nothing (400 naming toMemberId)', async () => {
    const member = await register(community.id);
    await adjust(coordinator.token, member, 50);
    expectProblem(
      await api('POST', '/transfers', {
        token: member.token,
        body: { toMemberId: member.member.id, minutes: 10 },
      }),
      400,
      'VALIDATION_FAILED',
      ['toMemberId'],
    );
    expect(await balanceOf(member)).toEqual({ balanceMinutes: 50, heldMinutes: 0 });
  });

  it('a coordinator cannot approve the hours they logged themselves', async () => {
    const self = await coordinatorWho(['volunteer']);
    const log = await logHours(self);
    const fundBefore = await fund();
    expectProblem(
      await api('POST', `/hours/${log.id}/approve`, { token: self.token }),
      403,
      'FORBIDDEN',
    );
    expect(ok(await api('GET', `/hours/${log.id}`, { token: self.token }), 200, 'log').status).toBe(
      'pending',
    );
    expect(await fund()).toEqual(fundBefore);
    expect(await balanceOf(self)).toEqual({ balanceMinutes: 0, heldMinutes: 0 });
  });

  it('a coordinator who served a request as its volunteer cannot confirm it', async () => {
    const requester = await register(community.id);
    const self = await coordinatorWho(['volunteer']);
    const request = await completedRequest(requester, self);
    const requesterBefore = await balanceOf(requester);
    expectProblem(await act(self.token, request.id, 'confirm', {}), 403, 'FORBIDDEN');
    expect(
      ok(await api('GET', `/requests/${request.id}`, { token: self.token }), 200, 'get').status,
    ).toBe('completed');
    expect(await balanceOf(requester)).toEqual(requesterBefore);
    expect(await balanceOf(self)).toEqual({ balanceMinutes: 0, heldMinutes: 0 });
  });

  it('a coordinator cannot resolve a dispute over a request they served', async () => {
    const requester = await register(community.id);
    const self = await coordinatorWho(['volunteer']);
    const request = await completedRequest(requester, self);
    ok(await act(requester.token, request.id, 'dispute', { reason: 'late' }), 200, 'dispute');
    const requesterBefore = await balanceOf(requester);
    expectProblem(
      await act(self.token, request.id, 'resolve', { minutes: 90, note: 'all of it' }),
      403,
      'FORBIDDEN',
    );
    expect(await balanceOf(requester)).toEqual(requesterBefore);
    expect(await balanceOf(self)).toEqual({ balanceMinutes: 0, heldMinutes: 0 });
  });

  it('a coordinator cannot resolve a dispute over their own request', async () => {
    const self = await coordinatorWho(['resident']);
    const helper = await register(community.id, { roles: ['volunteer'] });
    const request = await completedRequest(self, helper);
    ok(await act(self.token, request.id, 'dispute', { reason: 'nobody came' }), 200, 'dispute');
    const selfBefore = await balanceOf(self);
    expect(selfBefore).toEqual({ balanceMinutes: 300, heldMinutes: 90 });
    expectProblem(
      await act(self.token, request.id, 'resolve', { minutes: 0, note: 'not owed' }),
      403,
      'FORBIDDEN',
    );
    expect(
      ok(await api('GET', `/requests/${request.id}`, { token: self.token }), 200, 'get').status,
    ).toBe('disputed');
    expect(await balanceOf(self)).toEqual(selfBefore);
    // A coordinator with no part in it may.
    ok(
      await act(coordinator.token, request.id, 'resolve', { minutes: 60, note: 'served' }),
      200,
      'resolve',
    );
  });

  it("a coordinator who is one of a merchant's staff cannot settle it", async () => {
    const merchant = await aMerchant();
    await merchantEarns(merchant);
    const self = await coordinatorWho(['merchant'], { merchantId: merchant.id });
    const fundBefore = await fund();
    for (const body of [{}, { minutes: 30 }]) {
      expectProblem(
        await api('POST', `/merchants/${merchant.id}/settlements`, { token: self.token, body }),
        403,
        'FORBIDDEN',
      );
    }
    expect(await fund()).toEqual(fundBefore);
    // A coordinator who is not its staff settles the 30 minutes.
    ok(
      await api('POST', `/merchants/${merchant.id}/settlements`, {
        token: coordinator.token,
        body: {},
      }),
      201,
      'settle',
    );
    expect((await fund()).balanceMinutes).toBe(fundBefore.balanceMinutes + 30);
  });
});

describe('commands sent at once without an Idempotency-Key answer as one after another', () => {
  const COPIES = 20;

  it('approves logged hours once: 1 × 200 and INVALID_STATE for the rest, paid once', async () => {
    const volunteer = await register(community.id, { roles: ['volunteer'] });
    const log = await logHours(volunteer, 45);
    const fundBefore = await fund();
    const tally = await atOnce(COPIES, () =>
      api('POST', `/hours/${log.id}/approve`, { token: coordinator.token }),
    );
    expect(tally).toEqual({ '200': 1, '409 INVALID_STATE': COPIES - 1 });
    expectProblem(
      await api('POST', `/hours/${log.id}/approve`, { token: coordinator.token }),
      409,
      'INVALID_STATE',
    );
    await eventually(async () =>
      expect(await balanceOf(volunteer)).toEqual({ balanceMinutes: 45, heldMinutes: 0 }),
    );
    await eventually(async () =>
      expect(await fund()).toEqual({
        balanceMinutes: fundBefore.balanceMinutes - 45,
        heldMinutes: fundBefore.heldMinutes,
      }),
    );
  });

  it('confirms a request once', async () => {
    const requester = await register(community.id);
    const helper = await register(community.id, { roles: ['volunteer'] });
    const request = await completedRequest(requester, helper);
    const tally = await atOnce(COPIES, () => act(requester.token, request.id, 'confirm', {}));
    expect(tally).toEqual({ '200': 1, '409 INVALID_STATE': COPIES - 1 });
    await eventually(async () =>
      expect(await balanceOf(helper)).toEqual({ balanceMinutes: 60, heldMinutes: 0 }),
    );
  });

  it('resolves a dispute once', async () => {
    const requester = await register(community.id);
    const helper = await register(community.id, { roles: ['volunteer'] });
    const request = await completedRequest(requester, helper);
    ok(await act(requester.token, request.id, 'dispute', { reason: 'late' }), 200, 'dispute');
    const tally = await atOnce(COPIES, () =>
      act(coordinator.token, request.id, 'resolve', { minutes: 30, note: 'half' }),
    );
    expect(tally).toEqual({ '200': 1, '409 INVALID_STATE': COPIES - 1 });
    await eventually(async () =>
      expect(await balanceOf(helper)).toEqual({ balanceMinutes: 30, heldMinutes: 0 }),
    );
  });

  it('approves an offer once', async () => {
    const offer = await pendingOffer(await aMerchant());
    const tally = await atOnce(COPIES, () =>
      api('POST', `/offers/${offer.id}/approve`, { token: coordinator.token }),
    );
    expect(tally).toEqual({ '200': 1, '409 INVALID_STATE': COPIES - 1 });
  });

  it('issues no more vouchers than a member may claim, and holds only for those', async () => {
    const merchant = await aMerchant();
    const offer = await pendingOffer(merchant, { perMemberLimit: 1 });
    ok(await api('POST', `/offers/${offer.id}/approve`, { token: coordinator.token }), 200, 'ok');
    const buyer = await register(community.id, { roles: ['volunteer'] });
    await adjust(coordinator.token, buyer, 1000);
    const tally = await atOnce(COPIES, () =>
      api('POST', `/offers/${offer.id}/claim`, { token: buyer.token }),
    );
    expect(tally).toEqual({ '201': 1, '409 NOT_ELIGIBLE': COPIES - 1 });
    await eventually(async () =>
      expect(await balanceOf(buyer)).toEqual({ balanceMinutes: 1000, heldMinutes: 30 }),
    );
  });

  it("settles a merchant's credits once", async () => {
    const merchant = await aMerchant();
    await merchantEarns(merchant);
    const fundBefore = await fund();
    const tally = await atOnce(COPIES, () =>
      api('POST', `/merchants/${merchant.id}/settlements`, {
        token: coordinator.token,
        body: {},
      }),
    );
    expect(tally).toEqual({ '201': 1, '409 INSUFFICIENT_CREDITS': COPIES - 1 });
    expect((await fund()).balanceMinutes).toBe(fundBefore.balanceMinutes + 30);
  });
});
