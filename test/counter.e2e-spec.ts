/**
 * The merchant's counter: the shop's offers in every state, its redemptions
 * of a day, the settlements it received, and a refused code that says why in
 * a word the counter can put in plain language (and when to try again).
 */
import { Client } from 'pg';
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  createMember,
  credit,
  fundCommunity,
  merchantWithStaff,
  register,
  SignedIn,
  unique,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { eventually } from './support/wait';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOBODY = '00000000-0000-4000-8000-000000000000';
/** The shared suite's defaults: 10 failures per staff member in 15 minutes. */
const FAILURES_PER_STAFF = 10;
const FAILURE_WINDOW_SECONDS = 900;

interface Shop {
  id: string;
  staff: SignedIn;
}

interface Offer {
  id: string;
  status: string;
  remaining: number;
  quantity: number;
  approvedBy: string | null;
}

interface Voucher {
  voucherId: string;
  code: string;
}

let admin: string;
let community: Community;
let coordinator: SignedIn;
let otherCoordinator: SignedIn;
let customer: SignedIn;

/** The city's today (Asia/Shanghai, the suite's default), shifted by `days`. */
function cityDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * DAY),
  );
}

async function sql(text: string, values: unknown[]): Promise<void> {
  const client = new Client({ connectionString: process.env.TB_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin);
  const otherCommunity = await createCommunity(admin);
  coordinator = await coordinatorOf(admin, community.id);
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  await fundCommunity(admin, community.id, { minutes: 100_000 });
  customer = await register(community.id, { displayName: '刘阿姨' });
  await credit(coordinator, customer, 5000);
});

function shop(): Promise<Shop> {
  return merchantWithStaff(coordinator.token, community.id);
}

async function offerOf(at: Shop, state: 'pending' | 'active' | 'paused'): Promise<Offer> {
  const offer = ok<Offer>(
    await api('POST', `/merchants/${at.id}/offers`, {
      token: at.staff.token,
      body: {
        title: unique('豆浆九折'),
        description: '',
        discount: { kind: 'percent', value: 10 },
        creditCostMinutes: 30,
        minTier: 0,
        validFrom: new Date(Date.now() - HOUR).toISOString(),
        validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
        quantity: 20,
        perMemberLimit: 20,
      },
    }),
    201,
    'offer',
  );
  if (state === 'pending') return offer;
  ok(await api('POST', `/offers/${offer.id}/approve`, { token: coordinator.token }), 200, '');
  if (state === 'active') return offer;
  return ok<Offer>(
    await api('POST', `/offers/${offer.id}/pause`, { token: at.staff.token }),
    200,
    'pause',
  );
}

async function claim(offer: Offer): Promise<Voucher> {
  return ok<Voucher>(
    await api('POST', `/offers/${offer.id}/claim`, { token: customer.token }),
    201,
    'claim',
  );
}

function redeem(at: Shop | SignedIn, code: string): Promise<ApiResponse> {
  const token = 'staff' in at ? at.staff.token : at.token;
  return api('POST', '/vouchers/redeem', {
    token,
    body: { code },
    headers: { 'idempotency-key': unique('redeem') },
  });
}

describe("the shop's offers at the counter", () => {
  it('shows its staff every offer of the shop with its state and what remains', async () => {
    const here = await shop();
    const pending = await offerOf(here, 'pending');
    const active = await offerOf(here, 'active');
    const paused = await offerOf(here, 'paused');
    await claim(active);
    const mine = ok<{ items: Offer[] }>(
      await api('GET', `/offers?merchantId=${here.id}`, { token: here.staff.token }),
      200,
      'the shop’s offers',
    );
    const byId = new Map(mine.items.map((o) => [o.id, o]));
    expect(byId.get(pending.id)).toMatchObject({ status: 'pending_approval', remaining: 20 });
    expect(byId.get(active.id)).toMatchObject({
      status: 'active',
      remaining: 19,
      approvedBy: coordinator.member.id,
    });
    expect(byId.get(paused.id)).toMatchObject({ status: 'paused', remaining: 20 });
    const onlyPaused = ok<{ items: Offer[] }>(
      await api('GET', `/offers?merchantId=${here.id}&status=paused`, {
        token: here.staff.token,
      }),
      200,
      'paused',
    );
    expect(onlyPaused.items.map((o) => o.id)).toEqual([paused.id]);
    // A customer sees only what is on offer.
    const seen = ok<{ items: Offer[] }>(
      await api('GET', `/offers?merchantId=${here.id}`, { token: customer.token }),
      200,
      'as a customer',
    );
    expect(seen.items.map((o) => o.id)).toEqual([active.id]);
    expectProblem(
      await api('GET', '/offers?status=sold', { token: here.staff.token }),
      400,
      'VALIDATION_FAILED',
      ['status'],
    );
  });
});

describe("the shop's redemptions of a day", () => {
  it("lists today's, and none of a day before", async () => {
    const here = await shop();
    const offer = await offerOf(here, 'active');
    const voucher = await claim(offer);
    ok(await redeem(here, voucher.code), 200, 'redeem');
    type Redemptions = { items: Array<{ voucherId: string; memberDisplayName: string }> };
    const of = (query: string) =>
      api<Redemptions>('GET', `/merchants/${here.id}/redemptions?${query}`, {
        token: here.staff.token,
      });
    const today = ok<Redemptions>(await of(`from=${cityDay()}&to=${cityDay()}`), 200, 'today');
    expect(today.items.map((r) => [r.voucherId, r.memberDisplayName])).toEqual([
      [voucher.voucherId, '刘阿姨'],
    ]);
    expect(ok(await of(`to=${cityDay(-1)}`), 200, 'before today').items).toEqual([]);
    expect(ok(await of(`from=${cityDay(1)}`), 200, 'after today').items).toEqual([]);
    expect(ok(await of(`from=${cityDay(-7)}`), 200, 'this week').items).toHaveLength(1);
    expectProblem(await of(`from=${cityDay()}&to=${cityDay(-1)}`), 400, 'VALIDATION_FAILED', [
      'from',
    ]);
    expectProblem(await of('from=yesterday'), 400, 'VALIDATION_FAILED', ['from']);
    expectProblem(await of('to=2026-02-30'), 400, 'VALIDATION_FAILED', ['to']);
  });
});

describe('settlements received', () => {
  it("show the shop's staff what was settled, when and by whom", async () => {
    const here = await shop();
    const offer = await offerOf(here, 'active');
    for (let i = 0; i < 2; i++) ok(await redeem(here, (await claim(offer)).code), 200, 'redeem');
    const empty = ok(
      await api('GET', `/merchants/${here.id}/settlements`, { token: here.staff.token }),
      200,
      'none yet',
    );
    expect(empty).toEqual({ items: [], nextCursor: null });
    // The ledger pays the shop for each redemption a moment later.
    const settle = (body: Record<string, unknown>) =>
      eventually(() =>
        ok201(
          api('POST', `/merchants/${here.id}/settlements`, {
            token: coordinator.token,
            body,
            headers: { 'idempotency-key': unique('settle') },
          }),
        ),
      );
    const first = await settle({ minutes: 30, memo: '五月第一周' });
    const second = await settle({ minutes: 30 });
    const received = ok(
      await api('GET', `/merchants/${here.id}/settlements?limit=1`, { token: here.staff.token }),
      200,
      'settlements',
    );
    expect(received.items).toEqual([
      {
        settlementId: expect.any(String),
        transferId: second.transferId,
        merchantId: here.id,
        communityId: community.id,
        minutes: 30,
        memo: second.memo,
        settledAt: second.at,
        settledBy: { id: coordinator.member.id, displayName: coordinator.member.displayName },
      },
    ]);
    const next = ok<{ items: Array<{ transferId: string; memo: string }>; nextCursor: null }>(
      await api('GET', `/merchants/${here.id}/settlements?cursor=${received.nextCursor}`, {
        token: coordinator.token,
      }),
      200,
      'the next page',
    );
    expect(next.items.map((s) => [s.transferId, s.memo])).toEqual([
      [first.transferId, '五月第一周'],
    ]);
    expect(next.nextCursor).toBeNull();
  });

  it("are refused to another shop's staff, customers and other communities' coordinators", async () => {
    const [here, there] = [await shop(), await shop()];
    const path = `/merchants/${here.id}/settlements`;
    expectProblem(await api('GET', path, { token: there.staff.token }), 403, 'FORBIDDEN');
    expectProblem(await api('GET', path, { token: customer.token }), 403, 'FORBIDDEN');
    expectProblem(await api('GET', path, { token: otherCoordinator.token }), 403, 'FORBIDDEN');
    expect((await api('GET', path, { token: admin })).status).toBe(200);
    expectProblem(
      await api('GET', `/merchants/${NOBODY}/settlements`, { token: admin }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('GET', `${path}?cursor=forged`, { token: here.staff.token }),
      400,
      'VALIDATION_FAILED',
      ['cursor'],
    );
  });
});

/** `ok` for a call that may need a retry: throws until it answers 201. */
async function ok201<T = any>(call: Promise<ApiResponse<T>>): Promise<T> {
  return ok<T>(await call, 201, 'settle');
}

describe('a refused code at the counter', () => {
  it('says why: used, cancelled or expired', async () => {
    const here = await shop();
    const offer = await offerOf(here, 'active');
    const used = await claim(offer);
    ok(await redeem(here, used.code), 200, 'redeem');
    const again = await redeem(here, used.code);
    expectProblem(again, 409, 'INVALID_STATE');
    expect(again.body.reason).toBe('redeemed');

    const given = await claim(offer);
    ok(
      await api('POST', `/vouchers/${given.voucherId}/cancel`, { token: customer.token }),
      200,
      'cancel',
    );
    const cancelled = await redeem(here, given.code);
    expectProblem(cancelled, 409, 'INVALID_STATE');
    expect(cancelled.body.reason).toBe('cancelled');

    const late = await claim(offer);
    await sql(
      `UPDATE rewards.vouchers SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [late.voucherId],
    );
    const expired = await redeem(here, late.code);
    expectProblem(expired, 409, 'INVALID_STATE');
    expect(expired.body.reason).toBe('expired');
    // The reason is a word for the counter, never translated.
    const inChinese = await api('POST', '/vouchers/redeem', {
      token: here.staff.token,
      body: { code: late.code },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect([inChinese.body.reason, inChinese.body.detail]).toEqual([
      'expired',
      '这张兑换券已经过期，不能再使用',
    ]);
  });

  it("answers another shop's code exactly as a code that does not exist", async () => {
    const [here, there] = [await shop(), await shop()];
    const theirs = await claim(await offerOf(there, 'active'));
    const foreign = await redeem(here, theirs.code);
    const unknown = await redeem(here, 'ZZZZZZZZ');
    expectProblem(foreign, 404, 'NOT_FOUND');
    const { requestId: a, ...foreignProblem } = foreign.body;
    const { requestId: b, ...unknownProblem } = unknown.body;
    expect([a, b]).not.toContain(undefined);
    expect(foreignProblem).toEqual(unknownProblem);
    expect(foreignProblem.reason).toBe('not_found');
  });

  it('says when to try again after too many failed attempts', async () => {
    const here = await shop();
    const voucher = await claim(await offerOf(here, 'active'));
    // The failures that reached the limit were made 800 s ago: 100 s of the window are left.
    await sql(
      `INSERT INTO rewards.redemption_failures (staff_id, merchant_id, code_tried, reason, attempted_at)
       SELECT $1, $2, 'AAAAAAAA', 'unknown', now() - interval '800 seconds'
         FROM generate_series(1, $3::int)`,
      [here.staff.member.id, here.id, FAILURES_PER_STAFF],
    );
    const limited = await redeem(here, voucher.code);
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(limited.body.reason).toBe('too_many_failures');
    const wait = Number(limited.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(90);
    expect(wait).toBeLessThanOrEqual(FAILURE_WINDOW_SECONDS - 800 + 1);
    // Another member of the staff is not held up by this one's guesses.
    const colleague = await createMember(coordinator.token, {
      communityId: community.id,
      roles: ['merchant'],
      merchantId: here.id,
    });
    ok(await redeem(colleague, voucher.code), 200, 'redeem by a colleague');
  });
});
