import { Client } from 'pg';
import { api } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  register,
  SignedIn,
} from './support/fixtures';
import { expectProblem } from './support/problems';

let admin: string;
let community: Community;
let coordinator: SignedIn;

const NOBODY = '00000000-0000-4000-8000-000000000000';

async function account(token: string) {
  const res = await api('GET', '/accounts/me', { token });
  expect(res.status).toBe(200);
  return res.body as {
    accountId: string;
    balanceMinutes: number;
    heldMinutes: number;
    availableMinutes: number;
    overdraftLimitMinutes: number;
    lifetimeEarnedMinutes: number;
    tier: { level: number; name: string; nextLevelAtMinutes: number | null };
  };
}

async function fund(communityId = community.id) {
  const res = await api('GET', `/communities/${communityId}/fund`, { token: admin });
  expect(res.status).toBe(200);
  return res.body as {
    accountId: string;
    balanceMinutes: number;
    heldMinutes: number;
    availableMinutes: number;
  };
}

async function ledgerIsBalanced(): Promise<void> {
  const check = await api('GET', '/ledger/check', { token: admin });
  expect(check.status).toBe(200);
  expect(check.body).toMatchObject({ balanced: true, totalMinutes: 0, violations: [] });
}

/** A member with `minutes` credited from the fund by the coordinator. */
async function memberWith(minutes: number, extra: Record<string, unknown> = {}): Promise<SignedIn> {
  const member = await register(community.id, extra);
  if (minutes > 0) {
    const res = await api('POST', `/members/${member.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes, reason: 'opening balance' },
    });
    expect(res.status).toBe(201);
  }
  return member;
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 1);
  coordinator = await coordinatorOf(admin, community.id);
  const allocation = await api('POST', `/communities/${community.id}/fund/allocations`, {
    token: admin,
    body: { minutes: 100_000, memo: '2026 allocation' },
  });
  expect(allocation.status).toBe(201);
});

describe('accounts', () => {
  it('gives a new member an empty account at the entry tier', async () => {
    const { token } = await register(community.id, { roles: ['volunteer'] });
    expect(await account(token)).toMatchObject({
      accountId: expect.any(String),
      balanceMinutes: 0,
      heldMinutes: 0,
      availableMinutes: 0,
      overdraftLimitMinutes: 0,
      lifetimeEarnedMinutes: 0,
      tier: { level: 0, nextLevelAtMinutes: 6000 },
    });
  });

  it('answers 401 without a token', async () => {
    expectProblem(await api('GET', '/accounts/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('community funds and allocations', () => {
  it('moves credits from the city into a fund, seen by its coordinator and the admin', async () => {
    const other = await createCommunity(admin, 1);
    const res = await api('POST', `/communities/${other.id}/fund/allocations`, {
      token: admin,
      body: { minutes: 6000, memo: '试点' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'allocation',
      minutes: 6000,
      memo: '试点',
      transferId: expect.any(String),
    });
    expect(await fund(other.id)).toMatchObject({
      balanceMinutes: 6000,
      heldMinutes: 0,
      availableMinutes: 6000,
    });
    const own = await coordinatorOf(admin, other.id);
    expect((await api('GET', `/communities/${other.id}/fund`, { token: own.token })).status).toBe(
      200,
    );
  });

  it('keeps funds from other coordinators and members, and allocations for admins', async () => {
    const resident = await register(community.id);
    const other = await createCommunity(admin, 1);
    expectProblem(
      await api('GET', `/communities/${other.id}/fund`, { token: coordinator.token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('GET', `/communities/${community.id}/fund`, { token: resident.token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', `/communities/${community.id}/fund/allocations`, {
        token: coordinator.token,
        body: { minutes: 60 },
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('answers 404 for a community that does not exist', async () => {
    expectProblem(
      await api('POST', `/communities/${NOBODY}/fund/allocations`, {
        token: admin,
        body: { minutes: 60 },
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('adjustments', () => {
  it('credits a member from the fund and returns credits to it', async () => {
    const before = (await fund()).balanceMinutes;
    const member = await register(community.id);
    const plus = await api('POST', `/members/${member.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: 120, reason: 'help at the autumn fair' },
    });
    expect(plus.status).toBe(201);
    expect(plus.body).toMatchObject({
      kind: 'adjustment',
      minutes: 120,
      memo: 'help at the autumn fair',
    });
    const minus = await api('POST', `/members/${member.member.id}/adjustments`, {
      token: admin,
      body: { minutes: -30, reason: 'counted twice' },
    });
    expect(minus.status).toBe(201);
    expect(minus.body.minutes).toBe(30);
    expect(await account(member.token)).toMatchObject({
      balanceMinutes: 90,
      lifetimeEarnedMinutes: 0,
    });
    expect((await fund()).balanceMinutes).toBe(before - 90);
  });

  it('refuses taking back more than the member has, 0 minutes, and coordinators elsewhere', async () => {
    const member = await memberWith(10);
    expectProblem(
      await api('POST', `/members/${member.member.id}/adjustments`, {
        token: coordinator.token,
        body: { minutes: -11, reason: 'x' },
      }),
      409,
      'INSUFFICIENT_CREDITS',
    );
    expectProblem(
      await api('POST', `/members/${member.member.id}/adjustments`, {
        token: coordinator.token,
        body: { minutes: 0, reason: 'x' },
      }),
      400,
      'VALIDATION_FAILED',
      ['minutes'],
    );
    const other = await createCommunity(admin, 1);
    const outsider = await coordinatorOf(admin, other.id);
    expectProblem(
      await api('POST', `/members/${member.member.id}/adjustments`, {
        token: outsider.token,
        body: { minutes: 5, reason: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expect((await account(member.token)).balanceMinutes).toBe(10);
  });
});

describe('gifts', () => {
  it('moves credits between members and shows them on both statements', async () => {
    const giver = await memberWith(90, { displayName: '张奶奶' });
    const receiver = await register(community.id, { displayName: '张小明' });
    const res = await api('POST', '/transfers', {
      token: giver.token,
      body: { toMemberId: receiver.member.id, minutes: 30, memo: '给孙子' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      transferId: expect.any(String),
      minutes: 30,
      fromAccountId: (await account(giver.token)).accountId,
      toAccountId: (await account(receiver.token)).accountId,
      at: expect.any(String),
    });
    expect(await account(giver.token)).toMatchObject({ balanceMinutes: 60, availableMinutes: 60 });
    expect(await account(receiver.token)).toMatchObject({
      balanceMinutes: 30,
      lifetimeEarnedMinutes: 0,
    });

    const out = await api('GET', '/accounts/me/statement', { token: giver.token });
    expect(out.status).toBe(200);
    expect(out.body.items[0]).toEqual({
      transferId: res.body.transferId,
      at: res.body.at,
      kind: 'gift',
      minutes: -30,
      balanceAfterMinutes: 60,
      counterparty: { type: 'member', id: receiver.member.id, name: '张小明' },
      memo: '给孙子',
      reference: null,
    });
    expect(out.body.items[1]).toMatchObject({
      kind: 'adjustment',
      minutes: 90,
      balanceAfterMinutes: 90,
    });
    const incoming = await api('GET', '/accounts/me/statement', { token: receiver.token });
    expect(incoming.body.items[0]).toMatchObject({
      kind: 'gift',
      minutes: 30,
      balanceAfterMinutes: 30,
      counterparty: { type: 'member', id: giver.member.id, name: '张奶奶' },
    });
  });

  it.each([
    ['zero minutes', { minutes: 0 }, 400, 'VALIDATION_FAILED'],
    ['negative minutes', { minutes: -5 }, 400, 'VALIDATION_FAILED'],
    ['fractional minutes', { minutes: 1.5 }, 400, 'VALIDATION_FAILED'],
    ['absurd minutes', { minutes: 1e12 }, 400, 'VALIDATION_FAILED'],
    ['minutes as text', { minutes: '10' }, 400, 'VALIDATION_FAILED'],
    ['more than available', { minutes: 41 }, 409, 'INSUFFICIENT_CREDITS'],
    ['an unknown member', { toMemberId: NOBODY }, 404, 'NOT_FOUND'],
  ])('refuses %s and leaves the ledger untouched', async (_case, change, status, code) => {
    const giver = await memberWith(40);
    const receiver = await register(community.id);
    const res = await api('POST', '/transfers', {
      token: giver.token,
      body: { toMemberId: receiver.member.id, minutes: 10, ...change },
    });
    expectProblem(res, status, code, status === 400 ? ['minutes'] : undefined);
    expect((await account(giver.token)).balanceMinutes).toBe(40);
    expect((await account(receiver.token)).balanceMinutes).toBe(0);
  });

  it('refuses a gift to oneself, naming toMemberId', async () => {
    const giver = await memberWith(40);
    expectProblem(
      await api('POST', '/transfers', {
        token: giver.token,
        body: { toMemberId: giver.member.id, minutes: 10 },
      }),
      400,
      'VALIDATION_FAILED',
      ['toMemberId'],
    );
    expect((await account(giver.token)).balanceMinutes).toBe(40);
  });

  it('lets a member with an overdraft limit go below zero, up to the limit', async () => {
    const giver = await memberWith(0);
    const receiver = await register(community.id);
    const limit = await api('PUT', `/members/${giver.member.id}/overdraft-limit`, {
      token: admin,
      body: { overdraftLimitMinutes: 60 },
    });
    expect(limit.status).toBe(200);
    expect(await account(giver.token)).toMatchObject({
      overdraftLimitMinutes: 60,
      availableMinutes: 60,
    });
    const gift = (minutes: number) =>
      api('POST', '/transfers', {
        token: giver.token,
        body: { toMemberId: receiver.member.id, minutes },
      });
    expect((await gift(50)).status).toBe(201);
    expectProblem(await gift(11), 409, 'INSUFFICIENT_CREDITS');
    expect(await account(giver.token)).toMatchObject({ balanceMinutes: -50, availableMinutes: 10 });
  });
});

describe('Idempotency-Key', () => {
  it('returns the first answer for the same key and body, and moves the credits once', async () => {
    const giver = await memberWith(100);
    const receiver = await register(community.id);
    const send = (minutes: number, key = 'gift-2026-11-25-1') =>
      api('POST', '/transfers', {
        token: giver.token,
        headers: { 'idempotency-key': key },
        body: { toMemberId: receiver.member.id, minutes },
      });
    const first = await send(25);
    const again = await send(25);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await account(giver.token)).balanceMinutes).toBe(75);

    expectProblem(await send(26), 409, 'IDEMPOTENCY_MISMATCH');
    expectProblem(await send(25, 'k'.repeat(201)), 400, 'VALIDATION_FAILED', ['Idempotency-Key']);
    expect((await account(giver.token)).balanceMinutes).toBe(75);
  });

  it('keeps one member’s keys apart from another’s', async () => {
    const a = await memberWith(50);
    const b = await memberWith(50);
    const headers = { 'idempotency-key': 'same-key' };
    expect(
      (
        await api('POST', '/transfers', {
          token: a.token,
          headers,
          body: { toMemberId: b.member.id, minutes: 5 },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('POST', '/transfers', {
          token: b.token,
          headers,
          body: { toMemberId: a.member.id, minutes: 7 },
        })
      ).status,
    ).toBe(201);
    expect((await account(a.token)).balanceMinutes).toBe(52);
  });
});

describe('reversals', () => {
  it('undoes a transfer once, by an admin only', async () => {
    const giver = await memberWith(60);
    const receiver = await register(community.id);
    const gift = await api('POST', '/transfers', {
      token: giver.token,
      body: { toMemberId: receiver.member.id, minutes: 20 },
    });
    expectProblem(
      await api('POST', `/transfers/${gift.body.transferId}/reverse`, {
        token: coordinator.token,
        body: { reason: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    const reversal = await api('POST', `/transfers/${gift.body.transferId}/reverse`, {
      token: admin,
      body: { reason: 'sent to the wrong neighbour' },
    });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'reversal',
      minutes: 20,
      fromAccountId: gift.body.toAccountId,
      toAccountId: gift.body.fromAccountId,
      reversesTransferId: gift.body.transferId,
    });
    expect((await account(giver.token)).balanceMinutes).toBe(60);
    expect((await account(receiver.token)).balanceMinutes).toBe(0);
    expectProblem(
      await api('POST', `/transfers/${gift.body.transferId}/reverse`, {
        token: admin,
        body: { reason: 'again' },
      }),
      409,
      'INVALID_STATE',
    );
    expectProblem(
      await api('POST', `/transfers/${NOBODY}/reverse`, { token: admin, body: { reason: 'x' } }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('statements', () => {
  it('page by cursor, newest first, and refuse a bad cursor or limit', async () => {
    const member = await memberWith(10);
    for (let i = 0; i < 4; i++) {
      await api('POST', `/members/${member.member.id}/adjustments`, {
        token: coordinator.token,
        body: { minutes: 1, reason: `step ${i}` },
      });
    }
    const first = await api('GET', '/accounts/me/statement?limit=2', { token: member.token });
    expect(first.status).toBe(200);
    expect(
      (first.body.items as Array<{ balanceAfterMinutes: number }>).map(
        (i) => i.balanceAfterMinutes,
      ),
    ).toEqual([14, 13]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api(
      'GET',
      `/accounts/me/statement?limit=2&cursor=${first.body.nextCursor}`,
      {
        token: member.token,
      },
    );
    expect(
      (second.body.items as Array<{ balanceAfterMinutes: number }>).map(
        (i) => i.balanceAfterMinutes,
      ),
    ).toEqual([12, 11]);
    const last = await api(
      'GET',
      `/accounts/me/statement?limit=2&cursor=${second.body.nextCursor}`,
      {
        token: member.token,
      },
    );
    expect(
      (last.body.items as Array<{ balanceAfterMinutes: number }>).map((i) => i.balanceAfterMinutes),
    ).toEqual([10]);
    expect(last.body.nextCursor).toBeNull();

    expectProblem(
      await api('GET', '/accounts/me/statement?limit=101', { token: member.token }),
      400,
      'VALIDATION_FAILED',
      ['limit'],
    );
    expectProblem(
      await api('GET', '/accounts/me/statement?cursor=garbage', { token: member.token }),
      400,
      'VALIDATION_FAILED',
      ['cursor'],
    );
  });
});

describe('GET /ledger/check', () => {
  it('finds the books balanced after everything above, and is for admins only', async () => {
    await ledgerIsBalanced();
    expectProblem(
      await api('GET', '/ledger/check', { token: coordinator.token }),
      403,
      'FORBIDDEN',
    );
  });

  it('finds a corruption planted straight into the tables, naming the account', async () => {
    const member = await memberWith(25);
    const { accountId } = await account(member.token);
    const db = new Client({ connectionString: process.env.TB_DATABASE_URL });
    await db.connect();
    try {
      await db.query('UPDATE accounting.accounts SET balance = balance + 7 WHERE id = $1', [
        accountId,
      ]);
      const corrupted = await api('GET', '/ledger/check', { token: admin });
      expect(corrupted.status).toBe(200);
      expect(corrupted.body.balanced).toBe(false);
      expect(corrupted.body.totalMinutes).toBe(7);
      expect(corrupted.body.violations).toEqual(
        expect.arrayContaining([expect.objectContaining({ accountId })]),
      );
    } finally {
      await db.query('UPDATE accounting.accounts SET balance = balance - 7 WHERE id = $1', [
        accountId,
      ]);
      await db.end();
    }
    await ledgerIsBalanced();
  });
});
