import { connect, JSONCodec } from 'nats';
import { Client } from 'pg';
import { cityDate, DEFAULT_CITY_TIME_ZONE } from '@app/contracts';
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  markPriorityHousehold,
  register,
  requestTerms,
  SignedIn,
  unique,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { pause, until } from './support/wait';

let admin: string;
let community: Community;
let coordinator: SignedIn;
let outsider: SignedIn;

const NOBODY = '00000000-0000-4000-8000-000000000000';
const HOUR = 3600_000;
const FREE_TEXT =
  "陪同王奶奶去医院 👵🏻🏥 \"quoted\" 'single' <script>alert(1)</script> & '; DROP TABLE requests.help_requests; --";

type Api = typeof api;

interface HelpRequest {
  id: string;
  title: string;
  description: string;
  category: string;
  status: string;
  requesterId: string;
  createdBy: string;
  volunteerId: string | null;
  communityId: string;
  gridUnitId: string | null;
  windowStart: string;
  windowEnd: string;
  estimatedMinutes: number;
  completedMinutes: number | null;
  confirmedMinutes: number | null;
  funding: string;
  confirmedBy: string | null;
  cancelledBy: string | null;
  [key: string]: unknown;
}

/** A resident of `communityId` given `minutes` from the fund by a coordinator. */
async function residentWith(
  minutes: number,
  extra: Record<string, unknown> = {},
  where = { community: () => community, coordinator: () => coordinator },
  call: Api = api,
): Promise<SignedIn> {
  const member = await register(where.community().id, extra, call);
  if (minutes > 0) {
    ok(
      await call('POST', `/members/${member.member.id}/adjustments`, {
        token: where.coordinator().token,
        body: { minutes, reason: 'opening balance' },
      }),
      201,
      'adjustment',
    );
  }
  return member;
}

function volunteer(extra: Record<string, unknown> = {}): Promise<SignedIn> {
  return register(community.id, { roles: ['volunteer'], ...extra });
}

async function post(
  resident: SignedIn,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<HelpRequest> {
  return ok(
    await api('POST', '/requests', { token: resident.token, body: requestTerms(extra), headers }),
    201,
    'post request',
  );
}

function act(
  token: string,
  id: string,
  action: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  return api('POST', `/requests/${id}/${action}`, { token, body: payload, headers });
}

/** A request posted by a fresh resident, accepted and completed by a fresh volunteer. */
async function completed(minutes = 60): Promise<{
  request: HelpRequest;
  resident: SignedIn;
  volunteer: SignedIn;
}> {
  const resident = await residentWith(600);
  const helper = await volunteer();
  const request = await post(resident);
  ok(await act(helper.token, request.id, 'accept'), 200, 'accept');
  ok(await act(helper.token, request.id, 'complete', { minutes }), 200, 'complete');
  return { request, resident, volunteer: helper };
}

async function heldMinutes(token: string): Promise<number> {
  return ok<{ heldMinutes: number }>(await api('GET', '/accounts/me', { token }), 200, 'account')
    .heldMinutes;
}

/**
 * The events the ledger acts on that the requests service wrote about one
 * request, from its outbox (the steps members are told of are
 * test/notifications.e2e-spec.ts's).
 */
async function outboxFor(
  requestId: string,
  databaseUrl = process.env.TB_DATABASE_URL as string,
): Promise<Array<{ subject: string; payload: Record<string, any> }>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ subject: string; payload: Record<string, any> }>(
      `SELECT subject, payload FROM requests.outbox
        WHERE (payload->>'requestId' = $1 OR payload->'details'->>'sourceId' = $1)
          AND subject IN ('requests.hours.verified', 'requests.request.closed')
        ORDER BY seq`,
      [requestId],
    );
    return rows.rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 2);
  coordinator = await coordinatorOf(admin, community.id);
  const other = await createCommunity(admin, 1);
  outsider = await coordinatorOf(admin, other.id);
  await fundCommunity(admin, community.id, { minutes: 1_000_000, memo: 'requests e2e' });
});

describe('POST /requests', () => {
  it('opens a request paid by the requester and holds the estimated minutes', async () => {
    const resident = await residentWith(300, { gridUnitId: community.gridUnits[0].id });
    const request = await post(resident);
    expect(request).toMatchObject({
      id: expect.any(String),
      status: 'open',
      requesterId: resident.member.id,
      createdBy: resident.member.id,
      volunteerId: null,
      communityId: community.id,
      gridUnitId: community.gridUnits[0].id,
      estimatedMinutes: 90,
      completedMinutes: null,
      confirmedMinutes: null,
      funding: 'requester',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await heldMinutes(resident.token)).toBe(90);
    const again = ok(
      await api('GET', `/requests/${request.id}`, { token: resident.token }),
      200,
      'get',
    );
    expect(again).toEqual(request);
  });

  it('has the community fund pay for a priority household', async () => {
    const resident = await residentWith(0);
    await markPriorityHousehold(coordinator, resident);
    const fundBefore = ok<{ heldMinutes: number }>(
      await api('GET', `/communities/${community.id}/fund`, { token: admin }),
      200,
      'fund',
    );
    const request = await post(resident, { estimatedMinutes: 45 });
    expect(request.funding).toBe('community');
    const fundAfter = ok<{ heldMinutes: number }>(
      await api('GET', `/communities/${community.id}/fund`, { token: admin }),
      200,
      'fund',
    );
    expect(fundAfter.heldMinutes - fundBefore.heldMinutes).toBe(45);
  });

  it('answers 409 INSUFFICIENT_CREDITS when the payer cannot cover the estimate', async () => {
    const resident = await residentWith(30);
    expectProblem(
      await api('POST', '/requests', {
        token: resident.token,
        body: requestTerms({ estimatedMinutes: 31 }),
      }),
      409,
      'INSUFFICIENT_CREDITS',
    );
  });

  it('lets a coordinator post for a resident of their community; the record says who acted', async () => {
    const resident = await residentWith(200);
    const request = ok(
      await api('POST', '/requests', {
        token: coordinator.token,
        body: requestTerms({
          requesterId: resident.member.id,
          gridUnitId: community.gridUnits[1].id,
        }),
      }),
      201,
      'post for a resident',
    );
    expect(request).toMatchObject({
      requesterId: resident.member.id,
      createdBy: coordinator.member.id,
      communityId: community.id,
      gridUnitId: community.gridUnits[1].id,
      funding: 'requester',
    });
    expect(await heldMinutes(resident.token)).toBe(90);
    const inGridUnit = await residentWith(200, { gridUnitId: community.gridUnits[0].id });
    const posted = ok(
      await api('POST', '/requests', {
        token: coordinator.token,
        body: requestTerms({ requesterId: inGridUnit.member.id }),
      }),
      201,
      "post for a resident, in the resident's grid unit",
    );
    expect(posted.gridUnitId).toBe(community.gridUnits[0].id);
    expectProblem(
      await api('POST', '/requests', {
        token: outsider.token,
        body: requestTerms({ requesterId: resident.member.id }),
      }),
      403,
      'FORBIDDEN',
    );
    const helper = await volunteer();
    expectProblem(
      await api('POST', '/requests', {
        token: coordinator.token,
        body: requestTerms({ requesterId: helper.member.id }),
      }),
      400,
      'VALIDATION_FAILED',
      ['requesterId'],
    );
    expectProblem(
      await api('POST', '/requests', { token: coordinator.token, body: requestTerms() }),
      403,
      'FORBIDDEN',
    );
  });

  it('is for residents: a volunteer is refused with 403, no token with 401', async () => {
    const helper = await volunteer();
    expectProblem(
      await api('POST', '/requests', { token: helper.token, body: requestTerms() }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await api('POST', '/requests', { body: requestTerms() }), 401, 'UNAUTHENTICATED');
  });

  it.each([
    ['estimatedMinutes', { estimatedMinutes: 0 }],
    ['estimatedMinutes', { estimatedMinutes: 1441 }],
    ['estimatedMinutes', { estimatedMinutes: 1.5 }],
    ['windowEnd', { windowEnd: new Date(Date.now() + 0.5 * HOUR).toISOString() }],
    [
      'windowEnd',
      {
        windowStart: new Date(Date.now() - 3 * HOUR).toISOString(),
        windowEnd: new Date(Date.now() - 1 * HOUR).toISOString(),
      },
    ],
    ['windowStart', { windowStart: 'next tuesday' }],
    ['category', { category: 'gardening' }],
    ['title', { title: '' }],
    ['title', { title: 'a\u0000b' }],
    ['gridUnitId', { gridUnitId: NOBODY }],
    ['colour', { colour: 'blue' }],
  ])('refuses a bad %s with 400 naming it', async (field, extra) => {
    const resident = await residentWith(200);
    expectProblem(
      await api('POST', '/requests', { token: resident.token, body: requestTerms(extra) }),
      400,
      'VALIDATION_FAILED',
      [field],
    );
    expect(await heldMinutes(resident.token)).toBe(0);
  });

  it('answers a retry with the same Idempotency-Key with the same request, once held', async () => {
    const resident = await residentWith(200);
    const sent = requestTerms();
    const key = { 'idempotency-key': unique('post') };
    const first = ok(
      await api('POST', '/requests', { token: resident.token, body: sent, headers: key }),
      201,
      'first',
    );
    const second = ok(
      await api('POST', '/requests', { token: resident.token, body: sent, headers: key }),
      201,
      'retry',
    );
    expect(second.id).toBe(first.id);
    expect(await heldMinutes(resident.token)).toBe(90);
    expectProblem(
      await api('POST', '/requests', {
        token: resident.token,
        body: { ...sent, title: 'another' },
        headers: key,
      }),
      409,
      'IDEMPOTENCY_MISMATCH',
    );
  });

  it('stores and returns free text exactly as given', async () => {
    const resident = await residentWith(200);
    const request = await post(resident, {
      title: FREE_TEXT,
      description: `${FREE_TEXT}\n第二行 ✅`,
    });
    expect(request.title).toBe(FREE_TEXT);
    expect(request.description).toBe(`${FREE_TEXT}\n第二行 ✅`);
    const read = ok(
      await api('GET', `/requests/${request.id}`, { token: resident.token }),
      200,
      'get',
    );
    expect(read.title).toBe(FREE_TEXT);
    expect(read.description).toBe(`${FREE_TEXT}\n第二行 ✅`);
  });
});

describe('GET /requests/{id}', () => {
  it('answers 404 for no such request and 400 for a malformed id', async () => {
    const resident = await residentWith(0);
    expectProblem(
      await api('GET', `/requests/${NOBODY}`, { token: resident.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('GET', '/requests/42', { token: resident.token }),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
    expectProblem(await api('GET', `/requests/${NOBODY}`), 401, 'UNAUTHENTICATED');
  });
});

describe('accept and release', () => {
  it('lets a volunteer take an open request', async () => {
    const resident = await residentWith(200);
    const helper = await volunteer();
    const request = await post(resident);
    const accepted = ok(await act(helper.token, request.id, 'accept'), 200, 'accept');
    expect(accepted).toMatchObject({
      status: 'accepted',
      volunteerId: helper.member.id,
      acceptedAt: expect.any(String),
    });
  });

  it('refuses a resident (403), one’s own request (409 NOT_ELIGIBLE), a second accept (409 INVALID_STATE)', async () => {
    const both = await residentWith(200, { roles: ['resident', 'volunteer'] });
    const resident = await residentWith(0);
    const request = await post(both);
    expectProblem(await act(resident.token, request.id, 'accept'), 403, 'FORBIDDEN');
    expectProblem(await act(both.token, request.id, 'accept'), 409, 'NOT_ELIGIBLE');
    ok(await act((await volunteer()).token, request.id, 'accept'), 200, 'accept');
    expectProblem(await act((await volunteer()).token, request.id, 'accept'), 409, 'INVALID_STATE');
    expectProblem(await act((await volunteer()).token, NOBODY, 'accept'), 404, 'NOT_FOUND');
  });

  it('gives exactly one of ten volunteers accepting at once the request', async () => {
    const resident = await residentWith(200);
    const request = await post(resident);
    const helpers = await Promise.all(Array.from({ length: 10 }, () => volunteer()));
    const answers = await Promise.all(helpers.map((h) => act(h.token, request.id, 'accept')));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const answer of answers.filter((a) => a.status === 409)) {
      expectProblem(answer, 409, 'INVALID_STATE');
    }
    const winner = helpers[answers.findIndex((a) => a.status === 200)];
    const read = ok(
      await api('GET', `/requests/${request.id}`, { token: resident.token }),
      200,
      'get',
    );
    expect(read).toMatchObject({ status: 'accepted', volunteerId: winner.member.id });
  });

  it('lets its volunteer release it, open for others again', async () => {
    const resident = await residentWith(200);
    const helper = await volunteer();
    const other = await volunteer();
    const request = await post(resident);
    ok(await act(helper.token, request.id, 'accept'), 200, 'accept');
    expectProblem(await act(other.token, request.id, 'release'), 403, 'FORBIDDEN');
    const released = ok(await act(helper.token, request.id, 'release'), 200, 'release');
    expect(released).toMatchObject({ status: 'open', volunteerId: null });
    ok(await act(other.token, request.id, 'accept'), 200, 'accept again');
    ok(await act(other.token, request.id, 'complete', { minutes: 30 }), 200, 'complete');
    expectProblem(await act(other.token, request.id, 'release'), 409, 'INVALID_STATE');
  });
});

describe('complete', () => {
  it('records the minutes its volunteer served', async () => {
    const resident = await residentWith(200);
    const helper = await volunteer();
    const request = await post(resident);
    expectProblem(
      await act(helper.token, request.id, 'complete', { minutes: 30 }),
      403,
      'FORBIDDEN',
    );
    ok(await act(helper.token, request.id, 'accept'), 200, 'accept');
    expectProblem(
      await act((await volunteer()).token, request.id, 'complete', { minutes: 30 }),
      403,
      'FORBIDDEN',
    );
    for (const minutes of [0, 100000, -5, 'sixty']) {
      expectProblem(
        await act(helper.token, request.id, 'complete', { minutes }),
        400,
        'VALIDATION_FAILED',
        ['minutes'],
      );
    }
    const done = ok(
      await act(helper.token, request.id, 'complete', { minutes: 75, note: '顺利完成 👍' }),
      200,
      'complete',
    );
    expect(done).toMatchObject({
      status: 'completed',
      completedMinutes: 75,
      completionNote: '顺利完成 👍',
      completedAt: expect.any(String),
    });
    expectProblem(
      await act(helper.token, request.id, 'complete', { minutes: 75 }),
      409,
      'INVALID_STATE',
    );
  });
});

describe('confirm', () => {
  it('confirms the completed minutes, keeps the rating, and announces the verified hours', async () => {
    const { request, resident, volunteer: helper } = await completed(60);
    const key = { 'idempotency-key': unique('confirm') };
    const confirmed = ok(
      await act(resident.token, request.id, 'confirm', { rating: 5, comment: '非常好 🌟' }, key),
      200,
      'confirm',
    );
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmedMinutes: 60,
      confirmedBy: resident.member.id,
      confirmedAt: expect.any(String),
      rating: 5,
      ratingComment: '非常好 🌟',
    });
    // the same key and body again: the first answer; another body: refused
    const again = ok(
      await act(resident.token, request.id, 'confirm', { rating: 5, comment: '非常好 🌟' }, key),
      200,
      'retry',
    );
    expect(again).toMatchObject({ status: 'confirmed', confirmedMinutes: 60 });
    expectProblem(
      await act(resident.token, request.id, 'confirm', { rating: 4 }, key),
      409,
      'IDEMPOTENCY_MISMATCH',
    );
    expectProblem(await act(resident.token, request.id, 'confirm', {}), 409, 'INVALID_STATE');

    const events = await outboxFor(request.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({
      subject: 'requests.hours.verified',
      payload: {
        details: {
          source: 'request',
          sourceId: request.id,
          volunteerId: helper.member.id,
          description: request.title,
          communityId: community.id,
          servedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          minutes: 60,
          verifiedBy: resident.member.id,
          verifiedAt: expect.any(String),
        },
        holdId: expect.any(String),
        payer: null,
      },
    });
    const ratings = ok<{ volunteerId: string; count: number; average: number }>(
      await api('GET', `/volunteers/${helper.member.id}/ratings`, { token: resident.token }),
      200,
      'ratings',
    );
    expect(ratings).toEqual({ volunteerId: helper.member.id, count: 1, average: 5 });
  });

  it('lets a coordinator in scope confirm for the resident, named minutes at most those held', async () => {
    const { request } = await completed(60);
    expectProblem(
      await act(coordinator.token, request.id, 'confirm', { minutes: 91 }),
      400,
      'VALIDATION_FAILED',
      ['minutes'],
    );
    const confirmed = ok(
      await act(coordinator.token, request.id, 'confirm', { minutes: 90 }),
      200,
      'confirm',
    );
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmedMinutes: 90,
      confirmedBy: coordinator.member.id,
      rating: null,
    });
  });

  it('refuses strangers (403), its volunteer (403), and what is not completed (409)', async () => {
    const { request, volunteer: helper } = await completed(60);
    const stranger = await residentWith(0);
    expectProblem(await act(stranger.token, request.id, 'confirm', {}), 403, 'FORBIDDEN');
    expectProblem(await act(outsider.token, request.id, 'confirm', {}), 403, 'FORBIDDEN');
    expectProblem(await act(helper.token, request.id, 'confirm', {}), 403, 'FORBIDDEN');
    const resident = await residentWith(200);
    const open = await post(resident);
    expectProblem(await act(resident.token, open.id, 'confirm', {}), 409, 'INVALID_STATE');
    expectProblem(
      await act(resident.token, open.id, 'confirm', { rating: 6 }),
      400,
      'VALIDATION_FAILED',
      ['rating'],
    );
  });

  it('averages a volunteer’s ratings; none is count 0', async () => {
    const helper = await volunteer();
    expect(
      ok(
        await api('GET', `/volunteers/${helper.member.id}/ratings`, { token: helper.token }),
        200,
        'r',
      ),
    ).toEqual({ volunteerId: helper.member.id, count: 0, average: null });
    for (const rating of [4, 5]) {
      const resident = await residentWith(200);
      const request = await post(resident);
      ok(await act(helper.token, request.id, 'accept'), 200, 'accept');
      ok(await act(helper.token, request.id, 'complete', { minutes: 30 }), 200, 'complete');
      ok(await act(resident.token, request.id, 'confirm', { rating }), 200, 'confirm');
    }
    expect(
      ok(
        await api('GET', `/volunteers/${helper.member.id}/ratings`, { token: helper.token }),
        200,
        'r',
      ),
    ).toEqual({ volunteerId: helper.member.id, count: 2, average: 4.5 });
  });
});

describe('the ledger follows', () => {
  const accountOf = async (token: string) =>
    ok<{ balanceMinutes: number; heldMinutes: number }>(
      await api('GET', '/accounts/me', { token }),
      200,
      'account',
    );

  it('pays the volunteer the confirmed minutes from the requester’s hold', async () => {
    const { request, resident, volunteer: helper } = await completed(70);
    ok(await act(resident.token, request.id, 'confirm', {}), 200, 'confirm');
    await until(
      'the volunteer paid',
      () => accountOf(helper.token),
      (account) => account.balanceMinutes === 70,
    );
    await until(
      'the hold spent',
      () => accountOf(resident.token),
      (account) => account.heldMinutes === 0,
    );
    expect(await accountOf(resident.token)).toMatchObject({ balanceMinutes: 530, heldMinutes: 0 });
  });

  it('releases the hold of a cancelled request', async () => {
    const resident = await residentWith(200);
    const request = await post(resident);
    expect(await heldMinutes(resident.token)).toBe(90);
    ok(await act(resident.token, request.id, 'cancel'), 200, 'cancel');
    await until(
      'the hold released',
      () => heldMinutes(resident.token),
      (held) => held === 0,
    );
    expect((await accountOf(resident.token)).balanceMinutes).toBe(200);
  });
});

describe('dispute and resolve', () => {
  it('lets the requester dispute and a coordinator in scope resolve with credit', async () => {
    const { request, resident, volunteer: helper } = await completed(80);
    expectProblem(
      await act(helper.token, request.id, 'dispute', { reason: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await act(resident.token, request.id, 'dispute', {}), 400, 'VALIDATION_FAILED', [
      'reason',
    ]);
    const disputed = ok(
      await act(resident.token, request.id, 'dispute', { reason: '只服务了半小时 <b>' }),
      200,
      'dispute',
    );
    expect(disputed).toMatchObject({ status: 'disputed', disputeReason: '只服务了半小时 <b>' });
    expectProblem(
      await act(resident.token, request.id, 'dispute', { reason: 'again' }),
      409,
      'INVALID_STATE',
    );
    expectProblem(await act(resident.token, request.id, 'confirm', {}), 409, 'INVALID_STATE');

    expectProblem(
      await act(resident.token, request.id, 'resolve', { minutes: 30, note: 'n' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await act(outsider.token, request.id, 'resolve', { minutes: 30, note: 'n' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await act(coordinator.token, request.id, 'resolve', { minutes: 91, note: 'n' }),
      400,
      'VALIDATION_FAILED',
      ['minutes'],
    );
    expectProblem(
      await act(coordinator.token, request.id, 'resolve', { minutes: 30 }),
      400,
      'VALIDATION_FAILED',
      ['note'],
    );
    const resolved = ok(
      await act(coordinator.token, request.id, 'resolve', { minutes: 30, note: '双方同意30分钟' }),
      200,
      'resolve',
    );
    expect(resolved).toMatchObject({
      status: 'confirmed',
      confirmedMinutes: 30,
      confirmedBy: coordinator.member.id,
      resolutionNote: '双方同意30分钟',
    });
    expectProblem(
      await act(coordinator.token, request.id, 'resolve', { minutes: 30, note: 'again' }),
      409,
      'INVALID_STATE',
    );
    const events = await outboxFor(request.id);
    expect(
      events.map((e): unknown[] => [
        e.subject,
        e.payload.details?.minutes,
        e.payload.details?.verifiedBy,
      ]),
    ).toEqual([['requests.hours.verified', 30, coordinator.member.id]]);
  });

  it('closes a dispute without credit at 0 minutes, releasing the hold', async () => {
    const { request, resident } = await completed(80);
    ok(await act(resident.token, request.id, 'dispute', { reason: 'nobody came' }), 200, 'dispute');
    const resolved = ok(
      await act(coordinator.token, request.id, 'resolve', { minutes: 0, note: '未到场' }),
      200,
      'resolve',
    );
    expect(resolved).toMatchObject({ status: 'confirmed', confirmedMinutes: 0 });
    const events = await outboxFor(request.id);
    expect(events).toEqual([
      {
        subject: 'requests.request.closed',
        payload: {
          requestId: request.id,
          holdId: expect.any(String),
          reason: 'resolved_without_credit',
        },
      },
    ]);
  });
});

describe('cancel', () => {
  it('lets the requester cancel an open request and a coordinator an accepted one', async () => {
    const resident = await residentWith(300);
    const open = await post(resident);
    const cancelled = ok(await act(resident.token, open.id, 'cancel'), 200, 'cancel');
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: resident.member.id,
      cancelledAt: expect.any(String),
    });
    expectProblem(await act(resident.token, open.id, 'cancel'), 409, 'INVALID_STATE');
    expectProblem(await act((await volunteer()).token, open.id, 'accept'), 409, 'INVALID_STATE');
    expect(await outboxFor(open.id)).toEqual([
      {
        subject: 'requests.request.closed',
        payload: { requestId: open.id, holdId: expect.any(String), reason: 'cancelled' },
      },
    ]);

    const accepted = await post(resident);
    const helper = await volunteer();
    ok(await act(helper.token, accepted.id, 'accept'), 200, 'accept');
    expectProblem(await act(helper.token, accepted.id, 'cancel'), 403, 'FORBIDDEN');
    expectProblem(await act(outsider.token, accepted.id, 'cancel'), 403, 'FORBIDDEN');
    const byCoordinator = ok(await act(coordinator.token, accepted.id, 'cancel'), 200, 'cancel');
    expect(byCoordinator).toMatchObject({
      status: 'cancelled',
      cancelledBy: coordinator.member.id,
    });
  });

  it('refuses to cancel once the service is done (409 INVALID_STATE)', async () => {
    const { request, resident } = await completed(30);
    expectProblem(await act(resident.token, request.id, 'cancel'), 409, 'INVALID_STATE');
  });
});

describe('GET /requests', () => {
  let home: Community;
  let away: Community;
  let homeCoordinator: SignedIn;
  let awayCoordinator: SignedIn;
  const posted: Record<string, HelpRequest> = {};
  const tag = unique('list');

  beforeAll(async () => {
    home = await createCommunity(admin, 2);
    away = await createCommunity(admin, 1);
    homeCoordinator = await coordinatorOf(admin, home.id);
    awayCoordinator = await coordinatorOf(admin, away.id);
    for (const c of [home, away]) {
      await fundCommunity(admin, c.id, { minutes: 10_000 });
    }
    const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
    const awayResident = await residentWith(
      1000,
      {},
      {
        community: () => away,
        coordinator: () => awayCoordinator,
      },
    );
    const homeResident = await residentWith(
      1000,
      {},
      {
        community: () => home,
        coordinator: () => homeCoordinator,
      },
    );
    // window starts: away first, then the other grid unit, own grid unit last
    posted.away = await post(awayResident, {
      title: `${tag} away`,
      windowStart: at(1),
      windowEnd: at(30),
      category: 'meals',
    });
    posted.otherUnit = await post(homeResident, {
      title: `${tag} other unit`,
      gridUnitId: home.gridUnits[1].id,
      windowStart: at(2),
      windowEnd: at(30),
    });
    posted.ownUnit = await post(homeResident, {
      title: `${tag} own unit`,
      gridUnitId: home.gridUnits[0].id,
      windowStart: at(3),
      windowEnd: at(30),
    });
    posted.ownUnitLater = await post(homeResident, {
      title: `${tag} own unit later`,
      gridUnitId: home.gridUnits[0].id,
      windowStart: at(4),
      windowEnd: at(30),
    });
  });

  async function everything(token: string, query = ''): Promise<HelpRequest[]> {
    const items: HelpRequest[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/requests?limit=7${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = ok<{ items: HelpRequest[]; nextCursor: string | null }>(
        await api('GET', path, { token }),
        200,
        'list',
      );
      expect(page.items.length).toBeLessThanOrEqual(7);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  const mine = (items: HelpRequest[]) =>
    items.filter((r) => r.title.startsWith(tag)).map((r) => r.title.slice(tag.length + 1));

  it('puts a volunteer’s grid unit first, then their community, then the rest, each by window start', async () => {
    const helper = await register(home.id, {
      roles: ['volunteer'],
      gridUnitId: home.gridUnits[0].id,
    });
    const items = await everything(helper.token, '&status=open');
    expect(new Set(items.map((r) => r.id)).size).toBe(items.length);
    expect(mine(items)).toEqual(['own unit', 'own unit later', 'other unit', 'away']);
  });

  // Only volunteers see the open board and only admins every community: an admin stands in for everyone else.
  it('orders everyone else by window start, and pages without loss or repetition', async () => {
    const items = await everything(admin, '&status=open');
    expect(new Set(items.map((r) => r.id)).size).toBe(items.length);
    expect(mine(items)).toEqual(['away', 'other unit', 'own unit', 'own unit later']);
    const starts = items.map((r) => r.windowStart);
    expect([...starts].sort()).toEqual(starts);
  });

  it('filters by community, category, status and mine', async () => {
    const resident = await residentWith(0);
    const inHome = await everything(admin, `&communityId=${home.id}`);
    expect(inHome.every((r) => r.communityId === home.id)).toBe(true);
    expect(mine(inHome).sort()).toEqual(['other unit', 'own unit', 'own unit later']);
    const meals = await everything(admin, `&category=meals&communityId=${away.id}`);
    expect(mine(meals)).toEqual(['away']);

    const helper = await register(home.id, { roles: ['volunteer'] });
    ok(await act(helper.token, posted.otherUnit.id, 'accept'), 200, 'accept');
    const taken = await everything(helper.token, '&mine=true');
    expect(taken.map((r) => r.id)).toEqual([posted.otherUnit.id]);
    const accepted = await everything(admin, `&status=accepted&communityId=${home.id}`);
    expect(accepted.map((r) => r.id)).toEqual([posted.otherUnit.id]);
    expect(await everything(resident.token, '&mine=true')).toEqual([]);
  });

  it('refuses bad filters, limits and cursors with 400', async () => {
    const resident = await residentWith(0);
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['category=gardening', 'category'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['mine=yes', 'mine'],
      ['cursor=not-a-cursor', 'cursor'],
    ]) {
      expectProblem(
        await api('GET', `/requests?${query}`, { token: resident.token }),
        400,
        'VALIDATION_FAILED',
        [field],
      );
    }
    expectProblem(await api('GET', '/requests'), 401, 'UNAUTHENTICATED');
  });
});

describe('the requests report for other services', () => {
  it('counts a community’s requests posted and confirmed, and the median minutes to accept', async () => {
    const place = await createCommunity(admin, 1);
    const placeCoordinator = await coordinatorOf(admin, place.id);
    await fundCommunity(admin, place.id, { minutes: 5000 });
    const resident = await residentWith(
      1000,
      {},
      { community: () => place, coordinator: () => placeCoordinator },
    );
    const helper = await register(place.id, { roles: ['volunteer'] });
    const first = await post(resident);
    await post(resident);
    ok(await act(helper.token, first.id, 'accept'), 200, 'accept');
    ok(await act(helper.token, first.id, 'complete', { minutes: 20 }), 200, 'complete');
    ok(await act(resident.token, first.id, 'confirm', {}), 200, 'confirm');

    // The report counts by the city's calendar, which is ahead of UTC's for part of the day.
    const today = cityDate(new Date(), DEFAULT_CITY_TIME_ZONE);
    const nc = await connect({ servers: process.env.TB_NATS_URL });
    try {
      const codec = JSONCodec<any>();
      const ask = async (data: unknown) => {
        const reply = await nc.request(
          `${process.env.TB_NATS_SUBJECT_PREFIX}.requests.report.get`,
          codec.encode({
            pattern: 'requests.report.get',
            id: unique('report'),
            data: { requestId: 'e2e', actor: null, data },
          }),
          { timeout: 5000 },
        );
        return codec.decode(reply.data) as { response?: unknown; err?: unknown };
      };
      expect((await ask({ communityId: place.id, from: today, to: today })).response).toEqual({
        communityId: place.id,
        requestsPosted: 2,
        requestsConfirmed: 1,
        medianMinutesToAccept: 0,
      });
      expect(
        (await ask({ communityId: place.id, from: '2020-01-01', to: '2020-01-31' })).response,
      ).toEqual({
        communityId: place.id,
        requestsPosted: 0,
        requestsConfirmed: 0,
        medianMinutesToAccept: null,
      });
      expect(
        (await ask({ communityId: place.id, from: 'yesterday', to: today })).err,
      ).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    } finally {
      await nc.close();
    }
  });
});

describe('expiry', () => {
  /** How long after its post a short window ends: enough for the post to arrive on a busy machine. */
  const WINDOW_LEAD_MS = 8000;
  let suite: TestSuite;

  beforeAll(async () => {
    suite = await startPrivateSuite({
      label: 'requests-expiry',
      env: { REQUEST_EXPIRY_INTERVAL_MS: '200' },
    });
  }, SUITE_START_MS);

  afterAll(async () => {
    await suite?.stop();
  });

  it('expires open requests once their window has passed, once each, announcing it', async () => {
    const call = suite.api;
    const boss = await adminToken(call);
    const place = await createCommunity(boss, 1, call);
    const placeCoordinator = await coordinatorOf(boss, place.id, call);
    ok(
      await call('POST', `/communities/${place.id}/fund/allocations`, {
        token: boss,
        body: { minutes: 5000 },
      }),
      201,
      'allocation',
    );
    const resident = await residentWith(
      1000,
      {},
      { community: () => place, coordinator: () => placeCoordinator },
      call,
    );
    // Each window ends a few seconds after the moment its own post is sent, read
    // right before sending: a busy machine may take seconds between two posts, and
    // a window that has already ended is refused (400).
    const soon = () => ({
      windowStart: new Date(Date.now() - HOUR).toISOString(),
      windowEnd: new Date(Date.now() + WINDOW_LEAD_MS).toISOString(),
    });
    // Accepted first, so its window has ended before the others' have.
    const taken = ok(
      await call('POST', '/requests', { token: resident.token, body: requestTerms(soon()) }),
      201,
      'post',
    );
    const helper = await register(place.id, { roles: ['volunteer'] }, call);
    ok(await call('POST', `/requests/${taken.id}/accept`, { token: helper.token }), 200, 'accept');
    const due = await Promise.all(
      Array.from({ length: 5 }, async () =>
        ok<HelpRequest>(
          await call('POST', '/requests', { token: resident.token, body: requestTerms(soon()) }),
          201,
          'post',
        ),
      ),
    );
    const later = ok(
      await call('POST', '/requests', { token: resident.token, body: requestTerms() }),
      201,
      'post',
    );

    const readStatuses = () =>
      Promise.all(
        due.map(
          async (r) =>
            (await call<HelpRequest>('GET', `/requests/${r.id}`, { token: resident.token })).body
              .status,
        ),
      );
    const statuses = await until(
      'the due requests expired',
      readStatuses,
      (now) => now.every((s) => s === 'expired'),
      WINDOW_LEAD_MS + 60_000,
    );
    expect(statuses).toEqual(Array(5).fill('expired'));
    const expired = (await call('GET', `/requests/${due[0].id}`, { token: resident.token })).body;
    expect(expired.expiredAt).toEqual(expect.any(String));
    expect(
      (await call('GET', `/requests/${later.id}`, { token: resident.token })).body.status,
    ).toBe('open');
    expect(
      (await call('GET', `/requests/${taken.id}`, { token: resident.token })).body.status,
    ).toBe('accepted');
    expectProblem(
      await call('POST', `/requests/${due[0].id}/accept`, { token: helper.token }),
      409,
      'INVALID_STATE',
    );
    // Three more sweeps (every 200 ms) must announce nothing again: absence can only be waited out.
    await pause(600);
    for (const request of due) {
      expect(await outboxFor(request.id, suite.databaseUrl)).toEqual([
        {
          subject: 'requests.request.closed',
          payload: {
            requestId: request.id,
            holdId: request.holdId ?? expect.any(String),
            reason: 'expired',
          },
        },
      ]);
    }
  }, 120_000);
});
