import { Client } from 'pg';
import { doorCodeAt } from '../apps/volunteers/src/activities/check-in-code';
import { DEV_CHECK_IN_SECRET } from '../apps/volunteers/src/volunteers.config';
import { api, ApiResponse } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  register,
  SignedIn,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { eventually } from './support/wait';

interface Activity {
  id: string;
  status: string;
  capacity: number;
  minutesPerVolunteer: number;
  signedUp: number;
  waitlisted: number;
  mySignup: { status: string; position?: number; checkedInAt?: string } | null;
}

interface Fund {
  balanceMinutes: number;
  heldMinutes: number;
}

const MINUTE = 60_000;
// The shared suite runs on the development secret, so the test can make the door's codes.
const SECRET = DEV_CHECK_IN_SECRET;

let admin: string;
let community: Community;
let otherCommunity: Community;
let coordinator: SignedIn;
let otherCoordinator: SignedIn;
let db: Client;

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();

function volunteer(): Promise<SignedIn> {
  return register(community.id, { roles: ['volunteer'] });
}

async function fund(communityId = community.id): Promise<Fund> {
  const res = await api<Fund>('GET', `/communities/${communityId}/fund`, { token: admin });
  expect(res.status).toBe(200);
  return res.body;
}

async function publish(body: Record<string, unknown> = {}, key?: string): Promise<Activity> {
  const res = await api<Activity>('POST', '/activities', {
    token: coordinator.token,
    headers: key ? { 'idempotency-key': key } : {},
    body: {
      title: '小区垃圾分类宣传日',
      description: '东门广场发放宣传册',
      communityId: community.id,
      place: '东门广场',
      startsAt: inMinutes(30),
      endsAt: inMinutes(90),
      capacity: 4,
      ...body,
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

interface SignupAnswer {
  status?: string;
  position?: number;
  code?: string;
}

function signUp(activityId: string, who: SignedIn): Promise<ApiResponse<SignupAnswer>> {
  return api('POST', `/activities/${activityId}/signups`, { token: who.token });
}

function code(activityId: string, at = new Date()): string {
  return doorCodeAt(SECRET, activityId, at).code;
}

function door(
  activityId: string,
  who: SignedIn,
  way: 'check-in' | 'check-out',
  doorCode = code(activityId),
): Promise<ApiResponse> {
  return api('POST', `/activities/${activityId}/${way}`, {
    token: who.token,
    body: { code: doorCode },
  });
}

/**
 * Moves an activity and what happened at it `minutes` into the past, as if it
 * had all happened that long ago: a test cannot wait for the start.
 */
async function travel(activityId: string, minutes: number): Promise<void> {
  const by = `${minutes} minutes`;
  await db.query(
    `UPDATE volunteers.activities
        SET starts_at = starts_at - $2::interval, ends_at = ends_at - $2::interval WHERE id = $1`,
    [activityId, by],
  );
  await db.query(
    `UPDATE volunteers.activity_signups
        SET checked_in_at = checked_in_at - $2::interval,
            checked_out_at = checked_out_at - $2::interval
      WHERE activity_id = $1`,
    [activityId, by],
  );
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 1);
  otherCommunity = await createCommunity(admin, 1);
  coordinator = await coordinatorOf(admin, community.id);
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  await fundCommunity(admin, community.id, { minutes: 100_000 });
  db = new Client({ connectionString: process.env.TB_DATABASE_URL });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
});

describe('publishing', () => {
  it('holds capacity × minutesPerVolunteer from the fund, once per Idempotency-Key', async () => {
    const before = await fund();
    const key = `publish-${Date.now()}`;
    const terms = {
      capacity: 5,
      minutesPerVolunteer: 45,
      startsAt: inMinutes(30),
      endsAt: inMinutes(90),
    };
    const activity = await publish(terms, key);
    expect(activity).toMatchObject({
      status: 'published',
      capacity: 5,
      minutesPerVolunteer: 45,
      signedUp: 0,
      waitlisted: 0,
      mySignup: null,
      createdBy: coordinator.member.id,
    });
    const again = await publish(terms, key);
    expect(again.id).toBe(activity.id);
    const after = await fund();
    expect(after.heldMinutes - before.heldMinutes).toBe(225);
    expect(after.balanceMinutes).toBe(before.balanceMinutes);

    const mismatch = await api('POST', '/activities', {
      token: coordinator.token,
      headers: { 'idempotency-key': key },
      body: {
        title: 'another',
        description: '',
        communityId: community.id,
        place: 'x',
        startsAt: inMinutes(30),
        endsAt: inMinutes(90),
        capacity: 5,
      },
    });
    expectProblem(mismatch, 409, 'IDEMPOTENCY_MISMATCH');
  });

  it('defaults minutesPerVolunteer to the length of the activity', async () => {
    const activity = await publish({ startsAt: inMinutes(60), endsAt: inMinutes(150) });
    expect(activity.minutesPerVolunteer).toBe(90);
  });

  it('refuses what the fund cannot hold with INSUFFICIENT_CREDITS, holding nothing', async () => {
    const poor = await createCommunity(admin, 1);
    const poorCoordinator = await coordinatorOf(admin, poor.id);
    await fundCommunity(admin, poor.id, { minutes: 100 });
    const res = await api('POST', '/activities', {
      token: poorCoordinator.token,
      body: {
        title: '义诊',
        description: '',
        communityId: poor.id,
        place: '卫生站',
        startsAt: inMinutes(60),
        endsAt: inMinutes(120),
        capacity: 2,
      },
    });
    expectProblem(res, 409, 'INSUFFICIENT_CREDITS');
    expect((await fund(poor.id)).heldMinutes).toBe(0);
  });

  it('refuses bad fields by name (400), never a 500', async () => {
    const res = await api('POST', '/activities', {
      token: coordinator.token,
      body: {
        title: ' ',
        description: '',
        communityId: community.id,
        place: '',
        startsAt: 'tomorrow',
        endsAt: inMinutes(90),
        capacity: 501,
      },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['title', 'place', 'startsAt', 'capacity']);
    const rules = await api('POST', '/activities', {
      token: coordinator.token,
      body: {
        title: 't',
        description: '',
        communityId: community.id,
        place: 'p',
        startsAt: inMinutes(-5),
        endsAt: inMinutes(-10),
        capacity: 1,
      },
    });
    expectProblem(rules, 400, 'VALIDATION_FAILED', ['startsAt', 'endsAt']);
    const tooMany = await api('POST', '/activities', {
      token: coordinator.token,
      body: {
        title: 't',
        description: '',
        communityId: community.id,
        place: 'p',
        startsAt: inMinutes(30),
        endsAt: inMinutes(60),
        capacity: 1,
        minutesPerVolunteer: 31,
      },
    });
    expectProblem(tooMany, 400, 'VALIDATION_FAILED', ['minutesPerVolunteer']);
  });

  it('is for coordinators of the community (403 for others)', async () => {
    const v = await volunteer();
    const body = {
      title: 't',
      description: '',
      communityId: community.id,
      place: 'p',
      startsAt: inMinutes(30),
      endsAt: inMinutes(60),
      capacity: 1,
    };
    expectProblem(await api('POST', '/activities', { token: v.token, body }), 403, 'FORBIDDEN');
    expectProblem(
      await api('POST', '/activities', { token: otherCoordinator.token, body }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('signing up', () => {
  it('confirms up to the capacity, then waitlists as many again, then refuses', async () => {
    const activity = await publish({ capacity: 2 });
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => volunteer()));
    const answers: Array<ApiResponse<SignupAnswer>> = [];
    for (const who of people) answers.push(await signUp(activity.id, who));
    expect(answers.slice(0, 4).map((r) => [r.status, r.body])).toEqual([
      [201, { status: 'confirmed' }],
      [201, { status: 'confirmed' }],
      [201, { status: 'waitlisted', position: 1 }],
      [201, { status: 'waitlisted', position: 2 }],
    ]);
    expectProblem(answers[4], 409, 'INVALID_STATE');
    // Again: the sign-up there is.
    const again = await signUp(activity.id, people[2]);
    expect([again.status, again.body]).toEqual([201, { status: 'waitlisted', position: 1 }]);
    const seen = await api<Activity>('GET', `/activities/${activity.id}`, {
      token: people[3].token,
    });
    expect(seen.body).toMatchObject({
      signedUp: 2,
      waitlisted: 2,
      mySignup: { status: 'waitlisted', position: 2 },
    });
  });

  it('moves the first on the waitlist up when a confirmed volunteer withdraws, and says so', async () => {
    const activity = await publish({ capacity: 1 });
    const [first, second] = [await volunteer(), await volunteer()];
    await signUp(activity.id, first);
    await signUp(activity.id, second);
    const withdrawn = await api('DELETE', `/activities/${activity.id}/signups/me`, {
      token: first.token,
    });
    expect(withdrawn.status).toBe(204);
    const seen = await api<Activity>('GET', `/activities/${activity.id}`, {
      token: second.token,
    });
    expect(seen.body.mySignup).toEqual({ status: 'confirmed' });
    const { rows } = await db.query<{ payload: { volunteerId: string } }>(
      `SELECT payload FROM volunteers.outbox WHERE subject LIKE '%volunteers.activity.signup-promoted'
          AND payload #>> '{activity,activityId}' = $1`,
      [activity.id],
    );
    expect(rows.map((r) => r.payload.volunteerId)).toEqual([second.member.id]);
    // Withdrawing again is still 204.
    const again = await api('DELETE', `/activities/${activity.id}/signups/me`, {
      token: first.token,
    });
    expect(again.status).toBe(204);
  });

  it('refuses past and cancelled activities', async () => {
    const past = await publish();
    await travel(past.id, 200);
    expectProblem(await signUp(past.id, await volunteer()), 409, 'INVALID_STATE');
    const cancelled = await publish();
    const res = await api('POST', `/activities/${cancelled.id}/cancel`, {
      token: coordinator.token,
      body: { reason: '暴雨' },
    });
    expect(res.status).toBe(200);
    expectProblem(await signUp(cancelled.id, await volunteer()), 409, 'INVALID_STATE');
  });

  it('never confirms more than the capacity when 20 sign up at once for 5 places', async () => {
    const activity = await publish({ capacity: 5 });
    const people = await Promise.all(Array.from({ length: 20 }, () => volunteer()));
    const answers = await Promise.all(people.map((who) => signUp(activity.id, who)));
    const statuses = answers.map((r): string | undefined =>
      r.status === 201 ? r.body.status : r.body.code,
    );
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'INVALID_STATE')).toHaveLength(10);
    const positions = answers
      .filter((r) => r.body.status === 'waitlisted')
      .map((r): number | undefined => r.body.position)
      .sort();
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    const { rows } = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM volunteers.activity_signups
        WHERE activity_id = $1 GROUP BY status ORDER BY status`,
      [activity.id],
    );
    expect(rows).toEqual([
      { status: 'confirmed', n: 5 },
      { status: 'waitlisted', n: 5 },
    ]);
  });

  it('lists activities with their counts, by community, period and mine, page by page', async () => {
    const mine = await volunteer();
    const a = await publish({ startsAt: inMinutes(600), endsAt: inMinutes(660) });
    const b = await publish({ startsAt: inMinutes(700), endsAt: inMinutes(760) });
    await signUp(b.id, mine);
    const period = { from: inMinutes(590), to: inMinutes(710) };
    const first = await api<{ items: Activity[]; nextCursor: string | null }>(
      'GET',
      `/activities?${query({ communityId: community.id, ...period, limit: '1' })}`,
      { token: mine.token },
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((x) => x.id)).toEqual([a.id]);
    const second = await api<{ items: Activity[]; nextCursor: string | null }>(
      'GET',
      `/activities?${query({
        communityId: community.id,
        ...period,
        limit: '1',
        cursor: first.body.nextCursor!,
      })}`,
      { token: mine.token },
    );
    expect(second.body.items.map((x) => [x.id, x.signedUp])).toEqual([[b.id, 1]]);
    const onlyMine = await api<{ items: Activity[] }>('GET', '/activities?mine=true', {
      token: mine.token,
    });
    expect(onlyMine.body.items.map((x) => x.id)).toEqual([b.id]);
    expectProblem(
      await api('GET', '/activities?cursor=nonsense', { token: mine.token }),
      400,
      'VALIDATION_FAILED',
      ['cursor'],
    );
  });
});

describe('reading', () => {
  it('shows the caller’s own check-in, 404 for no such activity, 400 for a bad id or period', async () => {
    const activity = await publish();
    const v = await volunteer();
    await signUp(activity.id, v);
    const checkedIn = await door(activity.id, v, 'check-in');
    const seen = await api<Activity>('GET', `/activities/${activity.id}`, { token: v.token });
    expect(seen.body.mySignup).toEqual({
      status: 'confirmed',
      checkedInAt: checkedIn.body.checkedInAt,
    });
    expectProblem(
      await api('GET', '/activities/00000000-0000-4000-8000-000000000000', { token: v.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('GET', '/activities/nope', { token: v.token }),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
    expectProblem(
      await api('GET', `/activities?${query({ from: inMinutes(60), to: inMinutes(0) })}`, {
        token: v.token,
      }),
      400,
      'VALIDATION_FAILED',
      ['from'],
    );
    expectProblem(
      await api('POST', `/activities/${activity.id}/cancel`, {
        token: otherCoordinator.token,
        body: { reason: 'not mine' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('GET', `/activities/${activity.id}/attendance`, { token: v.token }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('the door', () => {
  it('shows coordinators a code that changes every 30 seconds (403 for others)', async () => {
    const activity = await publish();
    const res = await api<{ code: string; expiresAt: string }>(
      'GET',
      `/activities/${activity.id}/check-in-code`,
      { token: coordinator.token },
    );
    expect(res.status).toBe(200);
    expect(res.body.code).toMatch(/^\d{8}$/);
    const left = Date.parse(res.body.expiresAt) - Date.now();
    expect(left).toBeGreaterThan(-1000);
    expect(left).toBeLessThanOrEqual(30_000);
    expectProblem(
      await api('GET', `/activities/${activity.id}/check-in-code`, {
        token: otherCoordinator.token,
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('GET', `/activities/${activity.id}/check-in-code`, {
        token: (await volunteer()).token,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('takes the current and the previous code, not an older one nor another activity’s', async () => {
    const activity = await publish();
    const other = await publish();
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => volunteer()));
    for (const who of [a, b, c, d]) await signUp(activity.id, who);
    const now = Date.now();
    expectProblem(
      await door(activity.id, a, 'check-in', code(activity.id, new Date(now - 65_000))),
      409,
      'INVALID_STATE',
    );
    expectProblem(await door(activity.id, a, 'check-in', code(other.id)), 409, 'INVALID_STATE');
    expectProblem(await door(activity.id, a, 'check-in', '12345'), 400, 'VALIDATION_FAILED', [
      'code',
    ]);
    const current = await door(activity.id, a, 'check-in');
    expect(current.status).toBe(200);
    const previous = await door(
      activity.id,
      b,
      'check-in',
      code(activity.id, new Date(Date.now() - 30_000)),
    );
    expect(previous.status).toBe(200);
    // Twice: the first check-in.
    const again = await door(activity.id, a, 'check-in');
    expect(again.body).toEqual({ checkedInAt: current.body.checkedInAt });
    // Out before in.
    expectProblem(await door(activity.id, c, 'check-out'), 409, 'INVALID_STATE');
    // Not signed up, or only waitlisted.
    expectProblem(await door(activity.id, await volunteer(), 'check-in'), 409, 'INVALID_STATE');
  });

  it('refuses a waitlisted volunteer, and check-in more than an hour before the start', async () => {
    const early = await publish({ capacity: 1, startsAt: inMinutes(120), endsAt: inMinutes(180) });
    const [a, b] = [await volunteer(), await volunteer()];
    await signUp(early.id, a);
    await signUp(early.id, b);
    expectProblem(await door(early.id, a, 'check-in'), 409, 'INVALID_STATE');
    expectProblem(await door(early.id, b, 'check-in'), 409, 'INVALID_STATE');
  });
});

describe('closing', () => {
  it('pays each attendance once from the hold, records no-shows, releases the rest', async () => {
    const before = await fund();
    const activity = await publish({ capacity: 4, startsAt: inMinutes(30), endsAt: inMinutes(90) });
    const [out, stayed, absent, phoneless, waiting] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => volunteer()),
    );
    for (const who of [out, stayed, absent, phoneless, waiting]) await signUp(activity.id, who);
    expect((await door(activity.id, out, 'check-in')).status).toBe(200);
    expect((await door(activity.id, stayed, 'check-in')).status).toBe(200);
    // As if they checked in an hour ago: the activity began half an hour ago.
    await travel(activity.id, 60);
    const checkedOut = await door(activity.id, out, 'check-out');
    expect(checkedOut.status).toBe(200);
    expect(checkedOut.body.minutes).toBe(30);
    const outAgain = await door(activity.id, out, 'check-out');
    expect(outAgain.body).toEqual(checkedOut.body);

    const { rows } = await db.query<{ startsAt: Date }>(
      `SELECT starts_at AS "startsAt" FROM volunteers.activities WHERE id = $1`,
      [activity.id],
    );
    const start = rows[0].startsAt.getTime();
    const recorded = await api(
      'PUT',
      `/activities/${activity.id}/attendance/${phoneless.member.id}`,
      {
        token: coordinator.token,
        body: {
          checkedInAt: new Date(start).toISOString(),
          checkedOutAt: new Date(start + 20 * MINUTE).toISOString(),
        },
      },
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      volunteerId: phoneless.member.id,
      recordedBy: coordinator.member.id,
    });
    expectProblem(
      await api('PUT', `/activities/${activity.id}/attendance/${waiting.member.id}`, {
        token: coordinator.token,
        body: {
          checkedInAt: new Date(start).toISOString(),
          checkedOutAt: new Date(start + MINUTE).toISOString(),
        },
      }),
      409,
      'INVALID_STATE',
    );
    expectProblem(
      await api('PUT', `/activities/${activity.id}/attendance/${phoneless.member.id}`, {
        token: coordinator.token,
        body: {
          checkedInAt: new Date(start).toISOString(),
          checkedOutAt: new Date(start).toISOString(),
        },
      }),
      400,
      'VALIDATION_FAILED',
      ['checkedOutAt'],
    );
    expectProblem(
      await api('POST', `/activities/${activity.id}/close`, { token: otherCoordinator.token }),
      403,
      'FORBIDDEN',
    );

    const closed = await api('POST', `/activities/${activity.id}/close`, {
      token: coordinator.token,
    });
    expect(closed.status).toBe(200);
    const expected = {
      paid: expect.arrayContaining([
        { volunteerId: out.member.id, minutes: 30 },
        { volunteerId: stayed.member.id, minutes: 60 },
        { volunteerId: phoneless.member.id, minutes: 20 },
      ]),
      noShows: [absent.member.id],
    };
    expect(closed.body).toEqual(expected);
    expect(closed.body.paid).toHaveLength(3);
    const twice = await api('POST', `/activities/${activity.id}/close`, {
      token: coordinator.token,
    });
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(expected);

    await eventually(async () => {
      const after = await fund();
      expect(after.heldMinutes).toBe(before.heldMinutes);
      expect(before.balanceMinutes - after.balanceMinutes).toBe(110);
    });
    for (const [who, minutes] of [
      [out, 30],
      [stayed, 60],
      [phoneless, 20],
    ] as const) {
      await eventually(async () => {
        const statement = await api<{ items: Array<{ kind: string; minutes: number }> }>(
          'GET',
          '/accounts/me/statement',
          { token: who.token },
        );
        expect(statement.body.items.map((i) => [i.kind, i.minutes])).toEqual([
          ['service', minutes],
        ]);
        const record = await api<{
          totalMinutes: number;
          entries: Array<{ source: string; minutes: number }>;
        }>('GET', `/volunteers/${who.member.id}/service-record`, { token: admin });
        expect(record.body.totalMinutes).toBe(minutes);
        expect(record.body.entries.map((e) => [e.source, e.minutes])).toEqual([
          ['activity', minutes],
        ]);
      });
    }
    const list = await api<{ items: Array<{ volunteerId: string; paidMinutes: number | null }> }>(
      'GET',
      `/activities/${activity.id}/attendance`,
      { token: coordinator.token },
    );
    expect(list.status).toBe(200);
    expect(Object.fromEntries(list.body.items.map((i) => [i.volunteerId, i.paidMinutes]))).toEqual({
      [out.member.id]: 30,
      [stayed.member.id]: 60,
      [absent.member.id]: null,
      [phoneless.member.id]: 20,
      [waiting.member.id]: null,
    });
    // Closed: the door is shut, and the activity cannot be cancelled.
    expectProblem(await door(activity.id, absent, 'check-in'), 409, 'INVALID_STATE');
    expectProblem(
      await api('POST', `/activities/${activity.id}/cancel`, {
        token: coordinator.token,
        body: { reason: 'x' },
      }),
      409,
      'INVALID_STATE',
    );
  });

  it('is refused before the start', async () => {
    const activity = await publish();
    expectProblem(
      await api('POST', `/activities/${activity.id}/close`, { token: coordinator.token }),
      409,
      'INVALID_STATE',
    );
  });
});

describe('cancelling', () => {
  it('releases the hold and tells everyone signed up', async () => {
    const before = await fund();
    const activity = await publish({ capacity: 1 });
    const [a, b] = [await volunteer(), await volunteer()];
    await signUp(activity.id, a);
    await signUp(activity.id, b);
    expect((await fund()).heldMinutes - before.heldMinutes).toBe(60);
    expectProblem(
      await api('POST', `/activities/${activity.id}/cancel`, {
        token: coordinator.token,
        body: {},
      }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    const res = await api<Activity>('POST', `/activities/${activity.id}/cancel`, {
      token: coordinator.token,
      body: { reason: '暴雨预警' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警' });
    await eventually(async () => {
      expect((await fund()).heldMinutes).toBe(before.heldMinutes);
    });
    const { rows } = await db.query<{ payload: { volunteerIds: string[] } }>(
      `SELECT payload FROM volunteers.outbox WHERE subject LIKE '%volunteers.activity.cancelled'
          AND payload #>> '{activity,activityId}' = $1`,
      [activity.id],
    );
    expect(rows.map((r) => r.payload.volunteerIds.sort())).toEqual([
      [a.member.id, b.member.id].sort(),
    ]);
  });
});

describe('reminders', () => {
  it('announce an activity starting within a day, once', async () => {
    // Beyond the day first, so the reminder cannot come before the sign-up.
    const activity = await publish({ startsAt: inMinutes(1500), endsAt: inMinutes(1560) });
    const v = await volunteer();
    await signUp(activity.id, v);
    await travel(activity.id, 120);
    await eventually(async () => {
      const { rows } = await db.query<{ payload: { volunteerIds: string[] } }>(
        `SELECT payload FROM volunteers.outbox WHERE subject LIKE '%volunteers.activity.reminder-due'
            AND payload #>> '{activity,activityId}' = $1`,
        [activity.id],
      );
      expect(rows.map((r) => r.payload.volunteerIds)).toEqual([[v.member.id]]);
    }, 90_000);
  }, 120_000);
});
