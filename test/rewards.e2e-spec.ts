import { Client } from 'pg';
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  createMember,
  offerTerms,
  register,
  SignedIn,
  unique,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { pause, until } from './support/wait';

type Api = typeof api;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOBODY = '00000000-0000-4000-8000-000000000000';
const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

interface Place {
  api: Api;
  admin: string;
  community: Community;
  coordinator: SignedIn;
}

interface Voucher {
  voucherId: string;
  code: string;
  qrPayload: string;
  offerId: string;
  status: string;
  expiresAt: string;
  [key: string]: unknown;
}

interface OfferPage {
  items: Array<{ id: string; remaining: number; status: string }>;
  nextCursor: string | null;
}

interface Account {
  balanceMinutes: number;
  heldMinutes: number;
  availableMinutes: number;
  lifetimeEarnedMinutes: number;
}

let home: Place;
let outsider: SignedIn;

async function newPlace(call: Api = api): Promise<Place> {
  const admin = await adminToken(call);
  const community = await createCommunity(admin, 1, call);
  const coordinator = await coordinatorOf(admin, community.id, call);
  ok(
    await call('POST', `/communities/${community.id}/fund/allocations`, {
      token: admin,
      body: { minutes: 5_000_000, memo: 'rewards e2e' },
    }),
    201,
    'allocation',
  );
  return { api: call, admin, community, coordinator };
}

async function merchantIn(
  place: Place,
  name = unique('豆浆铺'),
): Promise<{ id: string; staff: SignedIn }> {
  const merchant = ok(
    await place.api('POST', '/merchants', {
      token: place.coordinator.token,
      body: { name, communityId: place.community.id, address: '青山路 12 号', contact: '王老板' },
    }),
    201,
    'merchant',
  );
  const staff = await createMember(
    place.coordinator.token,
    { communityId: place.community.id, roles: ['merchant'], merchantId: merchant.id },
    place.api,
  );
  return { id: merchant.id as string, staff };
}

/** An offer published by the merchant's staff and approved by the coordinator. */
async function activeOffer(
  place: Place,
  merchant: { id: string; staff: SignedIn },
  extra: Record<string, unknown> = {},
): Promise<any> {
  const offer = ok(
    await place.api('POST', `/merchants/${merchant.id}/offers`, {
      token: merchant.staff.token,
      body: offerTerms(extra),
    }),
    201,
    'offer',
  );
  return ok(
    await place.api('POST', `/offers/${offer.id}/approve`, { token: place.coordinator.token }),
    200,
    'approve',
  );
}

async function volunteerWith(place: Place, minutes: number, extra = {}): Promise<SignedIn> {
  const member = await register(place.community.id, { roles: ['volunteer'], ...extra }, place.api);
  if (minutes > 0) {
    ok(
      await place.api('POST', `/members/${member.member.id}/adjustments`, {
        token: place.coordinator.token,
        body: { minutes, reason: 'opening balance' },
      }),
      201,
      'adjustment',
    );
  }
  return member;
}

function claim(place: Place, who: SignedIn, offerId: string, key?: string): Promise<ApiResponse> {
  return place.api('POST', `/offers/${offerId}/claim`, {
    token: who.token,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

/**
 * A claim asked again with the same key while its outcome is unknown: a 504, or
 * no answer within the client's patience (a busy machine may hold the gateway
 * that long). The claim goes on behind the gateway either way; only asking
 * again tells what became of it. Any other answer is final.
 */
async function claimUntilAnswered(
  place: Place,
  who: SignedIn,
  offerId: string,
  key: string,
): Promise<ApiResponse> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const res = await claim(place, who, offerId, key).catch((error: unknown) => {
      if ((error as Error).name !== 'TimeoutError' || Date.now() > deadline) throw error;
      return null;
    });
    if (res && (res.status !== 504 || Date.now() > deadline)) return res;
    // Give the claims already running the machine before asking again.
    await pause(1000 + Math.random() * 1000);
  }
}

function redeem(place: Place, who: SignedIn, code: string, key?: string): Promise<ApiResponse> {
  return place.api('POST', '/vouchers/redeem', {
    token: who.token,
    body: { code },
    headers: key ? { 'idempotency-key': key } : {},
  });
}

async function account(place: Place, who: SignedIn): Promise<Account> {
  return ok(await place.api('GET', '/accounts/me', { token: who.token }), 200, 'account');
}

async function sql<T>(text: string, params: unknown[], databaseUrl?: string): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl ?? process.env.TB_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The merchant's holds in the ledger, counted by status. */
async function holdsOfMerchant(merchantId: string): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }>(
    `SELECT h.status, count(*)::int AS n FROM accounting.holds h
       JOIN accounting.accounts a ON a.id = h.to_account_id
      WHERE a.owner_type = 'merchant' AND a.owner_id = $1 GROUP BY h.status`,
    [merchantId],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

beforeAll(async () => {
  home = await newPlace();
  const elsewhere = await createCommunity(home.admin, 1);
  outsider = await coordinatorOf(home.admin, elsewhere.id);
});

describe('merchants', () => {
  it('lets a coordinator in scope sign a merchant up, active at once, and add its staff', async () => {
    const res = await api('POST', '/merchants', {
      token: home.coordinator.token,
      body: { name: '青山理发店', communityId: home.community.id, address: '青山路 3 号' },
    });
    expect(ok(res, 201, 'merchant')).toMatchObject({
      id: expect.any(String),
      status: 'active',
      name: '青山理发店',
      communityId: home.community.id,
      address: '青山路 3 号',
      contact: null,
    });
    const staff = await createMember(home.coordinator.token, {
      communityId: home.community.id,
      roles: ['merchant'],
      merchantId: res.body.id,
    });
    expect(staff.member).toMatchObject({ roles: ['merchant'], merchantId: res.body.id });
  });

  it('refuses coordinators of other communities (403), residents (403), bad fields (400)', async () => {
    const body = { name: 'x', communityId: home.community.id, address: 'y' };
    expectProblem(
      await api('POST', '/merchants', { token: outsider.token, body }),
      403,
      'FORBIDDEN',
    );
    const resident = await register(home.community.id);
    expectProblem(
      await api('POST', '/merchants', { token: resident.token, body }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', '/merchants', {
        token: home.admin,
        body: { ...body, name: ' ', address: undefined, extra: 1 },
      }),
      400,
      'VALIDATION_FAILED',
      ['name', 'address', 'extra'],
    );
    expectProblem(
      await api('POST', '/merchants', {
        token: home.admin,
        body: { ...body, communityId: NOBODY },
      }),
      400,
      'VALIDATION_FAILED',
      ['communityId'],
    );
  });

  it('makes staff only of a merchant that exists, in the member’s own community', async () => {
    const base = { communityId: home.community.id, roles: ['merchant'] };
    const res = await api('POST', '/members', {
      token: home.admin,
      body: {
        ...base,
        email: `${unique('m')}@example.cn`,
        password: 'correct-horse-battery',
        displayName: 'x',
        merchantId: NOBODY,
      },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['merchantId']);
    const other = await newPlace();
    const foreign = await merchantIn(other);
    expectProblem(
      await api('POST', '/members', {
        token: home.admin,
        body: {
          ...base,
          email: `${unique('m')}@example.cn`,
          password: 'correct-horse-battery',
          displayName: 'x',
          merchantId: foreign.id,
        },
      }),
      400,
      'VALIDATION_FAILED',
      ['merchantId'],
    );
  });
});

describe('offers', () => {
  it('waits for a coordinator’s approval; staff pause and resume it', async () => {
    const merchant = await merchantIn(home);
    const pending = ok(
      await api('POST', `/merchants/${merchant.id}/offers`, {
        token: merchant.staff.token,
        body: offerTerms({ discount: { kind: 'item', value: '一杯豆浆' }, quantity: 7 }),
      }),
      201,
      'offer',
    );
    expect(pending).toMatchObject({
      status: 'pending_approval',
      merchantId: merchant.id,
      communityId: home.community.id,
      discount: { kind: 'item', value: '一杯豆浆' },
      remaining: 7,
    });
    expectProblem(
      await api('POST', `/offers/${pending.id}/approve`, { token: merchant.staff.token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', `/offers/${pending.id}/approve`, { token: outsider.token }),
      403,
      'FORBIDDEN',
    );
    const active = ok(
      await api('POST', `/offers/${pending.id}/approve`, { token: home.coordinator.token }),
      200,
      'approve',
    );
    expect(active).toMatchObject({ status: 'active', approvedBy: home.coordinator.member.id });
    expectProblem(
      await api('POST', `/offers/${pending.id}/approve`, { token: home.coordinator.token }),
      409,
      'INVALID_STATE',
    );
    const paused = ok(
      await api('POST', `/offers/${pending.id}/pause`, { token: merchant.staff.token }),
      200,
      'pause',
    );
    expect(paused.status).toBe('paused');
    ok(
      await api('POST', `/offers/${pending.id}/resume`, { token: merchant.staff.token }),
      200,
      'resume',
    );
  });

  it('refuses other merchants’ staff (403), unknown merchants (404) and bad offers (400)', async () => {
    const merchant = await merchantIn(home);
    const other = await merchantIn(home);
    expectProblem(
      await api('POST', `/merchants/${merchant.id}/offers`, {
        token: other.staff.token,
        body: offerTerms(),
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', `/merchants/${NOBODY}/offers`, { token: home.admin, body: offerTerms() }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('POST', `/merchants/${merchant.id}/offers`, {
        token: merchant.staff.token,
        body: offerTerms({
          discount: { kind: 'percent', value: 150 },
          creditCostMinutes: 0,
          quantity: 0,
        }),
      }),
      400,
      'VALIDATION_FAILED',
      ['discount.value', 'creditCostMinutes', 'quantity'],
    );
    expectProblem(
      await api('POST', `/merchants/${merchant.id}/offers`, {
        token: merchant.staff.token,
        body: offerTerms({
          validUntil: new Date(Date.now() - 2 * HOUR).toISOString(),
          minTier: 9,
          quantity: 2,
          perMemberLimit: 3,
        }),
      }),
      400,
      'VALIDATION_FAILED',
      ['validUntil', 'minTier', 'perMemberLimit'],
    );
  });

  it('lists active offers with what remains; eligible=true keeps only what the caller may claim', async () => {
    const place = await newPlace();
    const merchant = await merchantIn(place);
    const open = await activeOffer(place, merchant, {
      quantity: 3,
      perMemberLimit: 2,
      creditCostMinutes: 40,
    });
    const starred = await activeOffer(place, merchant, { minTier: 1 });
    const dear = await activeOffer(place, merchant, { creditCostMinutes: 5000 });
    const pending = ok(
      await api('POST', `/merchants/${merchant.id}/offers`, {
        token: merchant.staff.token,
        body: offerTerms(),
      }),
      201,
      'pending offer',
    );
    const volunteer = await volunteerWith(place, 100);
    ok(await claim(place, volunteer, open.id), 201, 'claim');

    const all = ok<OfferPage>(
      await api('GET', `/offers?merchantId=${merchant.id}`, { token: volunteer.token }),
      200,
      'list',
    );
    expect(all.items.map((o) => o.id)).toEqual([dear.id, starred.id, open.id]);
    expect(all.items.find((o) => o.id === open.id)?.remaining).toBe(2);
    const staffView = ok<OfferPage>(
      await api('GET', `/offers?merchantId=${merchant.id}`, { token: merchant.staff.token }),
      200,
      'list',
    );
    expect(staffView.items.map((o) => o.id)).toContain(pending.id);
    const eligible = ok<OfferPage>(
      await api('GET', `/offers?communityId=${place.community.id}&eligible=true`, {
        token: volunteer.token,
      }),
      200,
      'eligible',
    );
    // 60 minutes left: not the dear one, not the starred one (tier 0), the open one still.
    expect(eligible.items.map((o) => o.id)).toEqual([open.id]);
    const paged = ok<OfferPage>(
      await api('GET', `/offers?merchantId=${merchant.id}&limit=2`, { token: volunteer.token }),
      200,
      'page 1',
    );
    const rest = ok<OfferPage>(
      await api('GET', `/offers?merchantId=${merchant.id}&limit=2&cursor=${paged.nextCursor}`, {
        token: volunteer.token,
      }),
      200,
      'page 2',
    );
    expect([...paged.items, ...rest.items].map((o) => o.id)).toEqual([
      dear.id,
      starred.id,
      open.id,
    ]);
    expect(rest.nextCursor).toBeNull();
    expectProblem(
      await api('GET', '/offers?eligible=maybe&cursor=nope', { token: volunteer.token }),
      400,
      'VALIDATION_FAILED',
      ['eligible'],
    );
  });
});

describe('claim, redeem, cancel, settle', () => {
  let merchant: { id: string; staff: SignedIn };
  let offer: any;

  beforeAll(async () => {
    merchant = await merchantIn(home, '青山豆浆铺');
    offer = await activeOffer(home, merchant, { creditCostMinutes: 30 });
  });

  it('issues a voucher with an 8-symbol code and holds the credit cost; a retry gets the same one', async () => {
    const volunteer = await volunteerWith(home, 100);
    const key = unique('claim');
    const voucher = ok<Voucher>(await claim(home, volunteer, offer.id, key), 201, 'claim');
    expect(voucher).toMatchObject({
      voucherId: expect.any(String),
      offerId: offer.id,
      status: 'issued',
      expiresAt: expect.any(String),
    });
    expect(voucher.code).toMatch(CODE);
    expect(voucher.qrPayload).toBe(`TB:V1:${voucher.code}`);
    const days = (new Date(voucher.expiresAt).getTime() - Date.now()) / DAY;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(await account(home, volunteer)).toMatchObject({ balanceMinutes: 100, heldMinutes: 30 });
    expect(ok(await claim(home, volunteer, offer.id, key), 201, 'retry')).toEqual(voucher);
    expect((await account(home, volunteer)).heldMinutes).toBe(30);
    const mine = ok(await api('GET', '/vouchers/mine', { token: volunteer.token }), 200, 'mine');
    expect(mine.items).toEqual([expect.objectContaining({ voucherId: voucher.voucherId })]);
  });

  it('redeems at the counter once; the ledger pays the merchant, which settles with its fund', async () => {
    const volunteer = await volunteerWith(home, 100, { displayName: '李华' });
    const voucher = ok<Voucher>(await claim(home, volunteer, offer.id), 201, 'claim');
    const typed = `${voucher.code.slice(0, 4).toLowerCase()}-${voucher.code.slice(4)}`;
    const key = unique('redeem');
    const redeemed = ok(await redeem(home, merchant.staff, typed, key), 200, 'redeem');
    expect(redeemed).toMatchObject({
      voucherId: voucher.voucherId,
      status: 'redeemed',
      offerId: offer.id,
      memberDisplayName: '李华',
      discount: { kind: 'percent', value: 10 },
    });
    expect(ok(await redeem(home, merchant.staff, typed, key), 200, 'retry')).toEqual(redeemed);
    expectProblem(await redeem(home, merchant.staff, voucher.code), 409, 'INVALID_STATE');

    const paid = await until(
      'the hold paid',
      () => account(home, volunteer),
      (a) => a.heldMinutes === 0,
    );
    expect(paid).toMatchObject({ balanceMinutes: 70, heldMinutes: 0 });
    const statement = ok(
      await api('GET', '/accounts/me/statement', { token: volunteer.token }),
      200,
      'statement',
    );
    expect(statement.items[0]).toMatchObject({
      kind: 'redemption',
      minutes: -30,
      counterparty: { type: 'merchant', id: merchant.id, name: '青山豆浆铺' },
    });
    const redemptions = ok(
      await api('GET', `/merchants/${merchant.id}/redemptions`, { token: merchant.staff.token }),
      200,
      'redemptions',
    );
    expect(redemptions.items[0]).toMatchObject({
      voucherId: voucher.voucherId,
      memberDisplayName: '李华',
      redeemedBy: merchant.staff.member.id,
    });
    expectProblem(
      await api('GET', `/merchants/${merchant.id}/redemptions`, { token: outsider.token }),
      403,
      'FORBIDDEN',
    );

    const fund = async () =>
      ok(
        await api('GET', `/communities/${home.community.id}/fund`, { token: home.admin }),
        200,
        'fund',
      ).balanceMinutes as number;
    const before = await fund();
    expectProblem(
      await api('POST', `/merchants/${merchant.id}/settlements`, {
        token: merchant.staff.token,
        body: {},
      }),
      403,
      'FORBIDDEN',
    );
    const settled = ok(
      await api('POST', `/merchants/${merchant.id}/settlements`, {
        token: home.coordinator.token,
        body: { memo: 'weekly' },
        headers: { 'idempotency-key': 'settle-1' },
      }),
      201,
      'settle',
    );
    expect(settled).toMatchObject({ kind: 'settlement', minutes: 30 });
    expect(await fund()).toBe(before + 30);
    expect(
      ok(
        await api('POST', `/merchants/${merchant.id}/settlements`, {
          token: home.coordinator.token,
          body: { memo: 'weekly' },
          headers: { 'idempotency-key': 'settle-1' },
        }),
        201,
        'settle again',
      ),
    ).toEqual(settled);
    expectProblem(
      await api('POST', `/merchants/${merchant.id}/settlements`, {
        token: home.coordinator.token,
        body: {},
      }),
      409,
      'INSUFFICIENT_CREDITS',
    );
  });

  it('lets its owner cancel an issued voucher, releasing the hold; used or cancelled ones are refused', async () => {
    const volunteer = await volunteerWith(home, 100);
    const voucher = ok<Voucher>(await claim(home, volunteer, offer.id), 201, 'claim');
    const stranger = await volunteerWith(home, 0);
    expectProblem(
      await api('POST', `/vouchers/${voucher.voucherId}/cancel`, { token: stranger.token }),
      404,
      'NOT_FOUND',
    );
    const cancelled = ok(
      await api('POST', `/vouchers/${voucher.voucherId}/cancel`, { token: volunteer.token }),
      200,
      'cancel',
    );
    expect(cancelled).toMatchObject({ voucherId: voucher.voucherId, status: 'cancelled' });
    expectProblem(
      await api('POST', `/vouchers/${voucher.voucherId}/cancel`, { token: volunteer.token }),
      409,
      'INVALID_STATE',
    );
    const released = await until(
      'the hold released',
      () => account(home, volunteer),
      (a) => a.heldMinutes === 0,
    );
    expect(released).toMatchObject({ balanceMinutes: 100, heldMinutes: 0 });
    expectProblem(await redeem(home, merchant.staff, voucher.code), 409, 'INVALID_STATE');
  });

  it('answers 409 INSUFFICIENT_CREDITS from the ledger, holding nothing', async () => {
    const volunteer = await volunteerWith(home, 29);
    expectProblem(await claim(home, volunteer, offer.id), 409, 'INSUFFICIENT_CREDITS');
    expect(await account(home, volunteer)).toMatchObject({ balanceMinutes: 29, heldMinutes: 0 });
  });
});

describe('bad input leaves the ledger untouched', () => {
  let merchant: { id: string; staff: SignedIn };
  let other: { id: string; staff: SignedIn };

  beforeAll(async () => {
    merchant = await merchantIn(home);
    other = await merchantIn(home);
  });

  async function refusedClaim(
    who: SignedIn,
    offerId: string,
    status: number,
    code: string,
  ): Promise<void> {
    const before = await account(home, who);
    expectProblem(await claim(home, who, offerId), status, code);
    expect(await account(home, who)).toEqual(before);
  }

  // Every member may claim (amended rules): credits and the merchant's own staff decide here.
  it('refuses a resident without credits (409 INSUFFICIENT_CREDITS) and its own staff (409 NOT_ELIGIBLE)', async () => {
    const offer = await activeOffer(home, merchant);
    const resident = await register(home.community.id);
    await refusedClaim(resident, offer.id, 409, 'INSUFFICIENT_CREDITS');
    await refusedClaim(merchant.staff, offer.id, 409, 'NOT_ELIGIBLE');
  });

  it('refuses a claim below the tier with 409 NOT_ELIGIBLE', async () => {
    const offer = await activeOffer(home, merchant, { minTier: 1 });
    await refusedClaim(await volunteerWith(home, 500), offer.id, 409, 'NOT_ELIGIBLE');
  });

  it('refuses a claim over the per-member limit with 409 NOT_ELIGIBLE', async () => {
    const offer = await activeOffer(home, merchant, { perMemberLimit: 1 });
    const volunteer = await volunteerWith(home, 500);
    ok(await claim(home, volunteer, offer.id), 201, 'first claim');
    await refusedClaim(volunteer, offer.id, 409, 'NOT_ELIGIBLE');
  });

  it('refuses a claim after the window, before it, or for a paused or pending offer with 409 INVALID_STATE', async () => {
    const volunteer = await volunteerWith(home, 500);
    const ended = await activeOffer(home, merchant, {
      validFrom: new Date(Date.now() - 2 * DAY).toISOString(),
      validUntil: new Date(Date.now() - DAY).toISOString(),
    });
    await refusedClaim(volunteer, ended.id, 409, 'INVALID_STATE');
    const later = await activeOffer(home, merchant, {
      validFrom: new Date(Date.now() + DAY).toISOString(),
    });
    await refusedClaim(volunteer, later.id, 409, 'INVALID_STATE');
    const paused = await activeOffer(home, merchant);
    ok(
      await api('POST', `/offers/${paused.id}/pause`, { token: merchant.staff.token }),
      200,
      'pause',
    );
    await refusedClaim(volunteer, paused.id, 409, 'INVALID_STATE');
    const pending = ok(
      await api('POST', `/merchants/${merchant.id}/offers`, {
        token: merchant.staff.token,
        body: offerTerms(),
      }),
      201,
      'pending',
    );
    await refusedClaim(volunteer, pending.id, 409, 'INVALID_STATE');
    await refusedClaim(volunteer, NOBODY, 404, 'NOT_FOUND');
  });

  it('refuses a sold-out offer with 409 SOLD_OUT', async () => {
    const offer = await activeOffer(home, merchant, { quantity: 1, perMemberLimit: 1 });
    ok(await claim(home, await volunteerWith(home, 500), offer.id), 201, 'the only one');
    await refusedClaim(await volunteerWith(home, 500), offer.id, 409, 'SOLD_OUT');
  });

  it('refuses a redemption by another merchant (404), of an unknown (404), cancelled or used code (409)', async () => {
    const offer = await activeOffer(home, merchant);
    const volunteer = await volunteerWith(home, 500);
    const voucher = ok<Voucher>(await claim(home, volunteer, offer.id), 201, 'claim');
    const held = await account(home, volunteer);
    expectProblem(await redeem(home, other.staff, voucher.code), 404, 'NOT_FOUND');
    expectProblem(await redeem(home, merchant.staff, 'ZZZZZZZZ'), 404, 'NOT_FOUND');
    expectProblem(await redeem(home, merchant.staff, 'not a code'), 404, 'NOT_FOUND');
    expectProblem(await redeem(home, volunteer, voucher.code), 403, 'FORBIDDEN');
    expect(await account(home, volunteer)).toEqual(held);

    const cancelled = ok<Voucher>(await claim(home, volunteer, offer.id), 201, 'claim');
    ok(
      await api('POST', `/vouchers/${cancelled.voucherId}/cancel`, { token: volunteer.token }),
      200,
      'cancel',
    );
    expectProblem(await redeem(home, merchant.staff, cancelled.code), 409, 'INVALID_STATE');

    ok(await redeem(home, merchant.staff, voucher.code), 200, 'redeem');
    expectProblem(await redeem(home, merchant.staff, voucher.code), 409, 'INVALID_STATE');
    const settledUp = await until(
      'the holds settled',
      () => account(home, volunteer),
      (a) => a.heldMinutes === 0,
    );
    expect(settledUp).toMatchObject({ balanceMinutes: 470, heldMinutes: 0 });

    const failures = await sql<{ reason: string; staff_id: string; code_tried: string }>(
      `SELECT reason, staff_id, code_tried FROM rewards.redemption_failures
        WHERE merchant_id = ANY($1::uuid[]) ORDER BY id`,
      [[merchant.id, other.id]],
    );
    expect(failures).toEqual([
      { reason: 'other_merchant', staff_id: other.staff.member.id, code_tried: voucher.code },
      { reason: 'unknown', staff_id: merchant.staff.member.id, code_tried: 'ZZZZZZZZ' },
      { reason: 'malformed', staff_id: merchant.staff.member.id, code_tried: 'not a code' },
      { reason: 'cancelled', staff_id: merchant.staff.member.id, code_tried: cancelled.code },
      { reason: 'redeemed', staff_id: merchant.staff.member.id, code_tried: voucher.code },
    ]);
  });
});

describe('at once', () => {
  it('gives 200 concurrent claims on an offer of 10 exactly 10 vouchers, and the ledger 10 open holds', async () => {
    const place = await newPlace();
    const merchant = await merchantIn(place);
    const offer = await activeOffer(place, merchant, {
      quantity: 10,
      perMemberLimit: 5,
      creditCostMinutes: 20,
    });
    const volunteers: SignedIn[] = [];
    for (let batch = 0; batch < 4; batch++) {
      volunteers.push(
        ...(await Promise.all(Array.from({ length: 10 }, () => volunteerWith(place, 200)))),
      );
    }
    // Each claim carries its own Idempotency-Key and, like any client, asks again
    // with it after a 504: on a busy machine the gateway may stop waiting while
    // the claim goes on, and only the retry tells what became of it.
    const answers = await Promise.all(
      volunteers.flatMap((v, i) =>
        Array.from({ length: 5 }, (_, j) =>
          claimUntilAnswered(place, v, offer.id, `burst-${offer.id}-${i}-${j}`),
        ),
      ),
    );
    expect(answers).toHaveLength(200);
    const issued = answers.filter((a) => a.status === 201);
    expect(issued).toHaveLength(10);
    expect(new Set(issued.map((a) => (a.body as Voucher).code)).size).toBe(10);
    expect(
      answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body.code}`),
    ).toEqual(Array(190).fill('409 SOLD_OUT'));

    const accounts = await Promise.all(volunteers.map((v) => account(place, v)));
    expect(accounts.reduce((sum, a) => sum + a.heldMinutes, 0)).toBe(10 * 20);
    const holds = await holdsOfMerchant(merchant.id);
    expect(holds.open).toBe(10);
    expect(Object.keys(holds).filter((s) => s !== 'open' && s !== 'voided')).toEqual([]);
    // Every voucher stands on its own open hold, and no open hold lacks a voucher.
    const stored = await sql<{ hold_id: string; status: string | null }>(
      `SELECT v.hold_id, h.status FROM rewards.vouchers v
         LEFT JOIN accounting.holds h ON h.id = v.hold_id WHERE v.offer_id = $1`,
      [offer.id],
    );
    expect(stored.map((v) => v.status)).toEqual(Array(10).fill('open'));
    expect(new Set(stored.map((v) => v.hold_id)).size).toBe(10);
    const listed = ok(
      await api('GET', `/offers?merchantId=${merchant.id}`, { token: volunteers[0].token }),
      200,
      'list',
    );
    expect(listed.items[0].remaining).toBe(0);
  }, 300_000);

  it('holds the per-member limit when one member claims twenty times at once', async () => {
    const place = await newPlace();
    const merchant = await merchantIn(place);
    const offer = await activeOffer(place, merchant, { quantity: 50, perMemberLimit: 2 });
    const volunteer = await volunteerWith(place, 1000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => claim(place, volunteer, offer.id)),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(
      answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body.code}`),
    ).toEqual(Array(18).fill('409 NOT_ELIGIBLE'));
    expect((await account(place, volunteer)).heldMinutes).toBe(60);
  });

  it('redeems one code at two counters at once exactly once', async () => {
    const merchant = await merchantIn(home);
    const second = await createMember(home.coordinator.token, {
      communityId: home.community.id,
      roles: ['merchant'],
      merchantId: merchant.id,
    });
    const offer = await activeOffer(home, merchant);
    for (let round = 0; round < 5; round++) {
      const volunteer = await volunteerWith(home, 100);
      const voucher = ok<Voucher>(await claim(home, volunteer, offer.id), 201, 'claim');
      const answers = await Promise.all([
        redeem(home, merchant.staff, voucher.code),
        redeem(home, second, voucher.code),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)?.body.code).toBe('INVALID_STATE');
      const paid = await until(
        'the hold paid',
        () => account(home, volunteer),
        (a) => a.heldMinutes === 0,
      );
      expect(paid.balanceMinutes).toBe(70);
    }
  });
});

describe('the community report', () => {
  it('counts the vouchers redeemed at the community’s merchants', async () => {
    const place = await newPlace();
    const merchant = await merchantIn(place);
    const offer = await activeOffer(place, merchant);
    const volunteer = await volunteerWith(place, 500);
    for (let i = 0; i < 3; i++) {
      const voucher = ok<Voucher>(await claim(place, volunteer, offer.id), 201, 'claim');
      if (i < 2) ok(await redeem(place, merchant.staff, voucher.code), 200, 'redeem');
    }
    const report = ok(
      await api('GET', `/reports/communities/${place.community.id}`, {
        token: place.coordinator.token,
      }),
      200,
      'report',
    );
    expect(report.vouchersRedeemed).toBe(2);
    const past = ok(
      await api('GET', `/reports/communities/${place.community.id}?from=2020-01-01&to=2020-01-31`, {
        token: place.coordinator.token,
      }),
      200,
      'report',
    );
    expect(past.vouchersRedeemed).toBe(0);
  });
});

describe('with short lifetimes, low tiers and low guessing limits', () => {
  let suite: TestSuite;
  let place: Place;

  beforeAll(async () => {
    suite = await startPrivateSuite({
      label: 'rewards-private',
      env: {
        VOUCHER_TTL_SECONDS: '2',
        VOUCHER_EXPIRY_INTERVAL_MS: '200',
        TIER_THRESHOLDS_HOURS: '1,2,3,4,5',
        REDEEM_FAILURES_PER_STAFF: '3',
        REDEEM_FAILURES_PER_MERCHANT: '5',
      },
    });
    place = await newPlace(suite.api);
  }, SUITE_START_MS);

  afterAll(async () => {
    await suite?.stop();
  });

  it('expires unused vouchers once, releasing their holds; an expired code is refused', async () => {
    const merchant = await merchantIn(place);
    const offer = await activeOffer(place, merchant);
    const volunteer = await volunteerWith(place, 100);
    const vouchers = await Promise.all(
      Array.from({ length: 3 }, async () =>
        ok<Voucher>(await claim(place, volunteer, offer.id), 201, 'claim'),
      ),
    );
    expect((await account(place, volunteer)).heldMinutes).toBe(90);
    const mine = await until(
      'three vouchers expired',
      async () =>
        ok(
          await suite.api('GET', '/vouchers/mine?status=expired', { token: volunteer.token }),
          200,
          'mine',
        ).items as Voucher[],
      (items) => items.length === 3,
    );
    expect(mine.map((v) => v.voucherId).sort()).toEqual(vouchers.map((v) => v.voucherId).sort());
    const released = await until(
      'the hold released',
      () => account(place, volunteer),
      (a) => a.heldMinutes === 0,
    );
    expect(released).toMatchObject({ balanceMinutes: 100, heldMinutes: 0 });
    expectProblem(await redeem(place, merchant.staff, vouchers[0].code), 409, 'INVALID_STATE');
    const events = await sql<{ id: string }>(
      `SELECT payload->>'voucherId' AS id FROM rewards.outbox
        WHERE subject = 'rewards.voucher.closed' AND payload->>'reason' = 'expired'`,
      [],
      suite.databaseUrl,
    );
    expect(events.map((e) => e.id).sort()).toEqual(vouchers.map((v) => v.voucherId).sort());
  });

  it('lets a volunteer whose verified hours reach the tier claim a starred offer', async () => {
    const merchant = await merchantIn(place);
    const offer = await activeOffer(place, merchant, { minTier: 1 });
    const volunteer = await volunteerWith(place, 100);
    expectProblem(await claim(place, volunteer, offer.id), 409, 'NOT_ELIGIBLE');
    const log = ok(
      await suite.api('POST', '/hours', {
        token: volunteer.token,
        body: {
          minutes: 60,
          servedOn: new Date().toISOString().slice(0, 10),
          description: '社区清洁',
        },
      }),
      201,
      'log hours',
    );
    ok(
      await suite.api('POST', `/hours/${log.id}/approve`, { token: place.coordinator.token }),
      200,
      'approve hours',
    );
    await until(
      'sixty minutes earned',
      () => account(place, volunteer),
      (a) => a.lifetimeEarnedMinutes >= 60,
    );
    ok(await claim(place, volunteer, offer.id), 201, 'claim with a star');
  });

  it('refuses every redemption with 429 once a staff member or the merchant has guessed too often', async () => {
    const merchant = await merchantIn(place);
    const second = await createMember(
      place.coordinator.token,
      { communityId: place.community.id, roles: ['merchant'], merchantId: merchant.id },
      place.api,
    );
    const offer = await activeOffer(place, merchant);
    const volunteer = await volunteerWith(place, 100);
    const voucher = ok<Voucher>(await claim(place, volunteer, offer.id), 201, 'claim');
    for (const guess of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']) {
      expectProblem(await redeem(place, merchant.staff, guess), 404, 'NOT_FOUND');
    }
    const limited = await redeem(place, merchant.staff, 'DDDDDDDD');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expectProblem(await redeem(place, merchant.staff, voucher.code), 429, 'RATE_LIMITED');
    // The second staff member has 2 failures left before the merchant's 5.
    expectProblem(await redeem(place, second, 'EEEEEEEE'), 404, 'NOT_FOUND');
    expectProblem(await redeem(place, second, 'FFFFFFFF'), 404, 'NOT_FOUND');
    expectProblem(await redeem(place, second, voucher.code), 429, 'RATE_LIMITED');
    const failures = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM rewards.redemption_failures WHERE merchant_id = $1`,
      [merchant.id],
      suite.databaseUrl,
    );
    expect(failures[0].n).toBe(5);
    expect((await account(place, volunteer)).heldMinutes).toBe(30);
  });
});
