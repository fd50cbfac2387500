import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { DEV_JWT_SECRET } from '../apps/gateway/src/config/gateway-config';
import { launchSuite } from '../scripts/launcher';
import { api, ApiResponse, ok, sharedBaseUrl } from './support/http';
import {
  adminToken,
  approvedOffer,
  coordinatorOf,
  credit,
  merchantWithStaff,
  Neighbours,
  neighbours,
  register,
  requestTerms,
  SignedIn,
  unique,
} from './support/fixtures';
import { scrape, valueOf } from './support/metrics';
import { expectProblem } from './support/problems';
import { openStream } from './support/sse';
import {
  freePort,
  SERVICE_START_MS,
  startPrivateSuite,
  SUITE_START_MS,
  TEST_SETTINGS,
  TestSuite,
} from './support/suite';
import { eventually, pause, until } from './support/wait';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
}

type Api = typeof api;

let admin: string;
let cast: Neighbours;
let db: Client;
let nats: NatsConnection;

/** A day in the past, distinct per call, so logs never share a volunteer's daily limit. */
let daysBack = 3;
function pastDay(): string {
  daysBack += 1;
  return new Date(Date.now() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

async function list(who: SignedIn, query = '', call: Api = api): Promise<NotificationPage> {
  return ok(await call('GET', `/notifications${query}`, { token: who.token }), 200, 'list');
}

async function unreadCount(who: SignedIn, call: Api = api): Promise<number> {
  const res = await call('GET', '/notifications/unread-count', { token: who.token });
  return ok<{ unread: number }>(res, 200, 'unread count').unread;
}

/** Waits until `who` has `count` notifications of `kind`, and returns them, newest first. */
async function told(who: SignedIn, kind: string, count = 1, call: Api = api) {
  const page = await until(
    `${kind} for ${who.member.id}`,
    () => list(who, '?limit=100', call),
    (p) => p.items.filter((n) => n.kind === kind).length >= count,
  );
  return page.items.filter((n) => n.kind === kind);
}

/** Waits until `who` has a notification of `kind` whose body holds `text`, and returns it. */
async function toldOf(who: SignedIn, kind: string, text: string, call: Api = api) {
  const page = await until(
    `${kind} with "${text}" for ${who.member.id}`,
    () => list(who, '?limit=100', call),
    (p) => p.items.some((n) => n.kind === kind && n.body.includes(text)),
  );
  return page.items.find((n) => n.kind === kind && n.body.includes(text))!;
}

async function kindsOf(who: SignedIn, call: Api = api): Promise<string[]> {
  return (await list(who, '?limit=100', call)).items.map((n) => n.kind);
}

async function logHours(who: SignedIn, minutes = 60, call: Api = api): Promise<string> {
  const res = await call('POST', '/hours', {
    token: who.token,
    body: { minutes, servedOn: pastDay(), description: 'Park clean-up' },
  });
  return ok<{ id: string }>(res, 201, 'log hours').id;
}

async function approve(logId: string, coordinator: SignedIn, call: Api = api): Promise<void> {
  ok(await call('POST', `/hours/${logId}/approve`, { token: coordinator.token }), 200, 'approve');
}

function act(token: string, id: string, action: string, body?: unknown): Promise<ApiResponse> {
  return api('POST', `/requests/${id}/${action}`, {
    token,
    body,
    headers: { 'idempotency-key': unique(action) },
  });
}

/** A durable event as its producer would announce it, each time under a fresh message id. */
async function publishEvent(type: string, data: unknown, eventId: string = randomUUID()) {
  const event = { id: eventId, type, occurredAt: new Date().toISOString(), requestId: null, data };
  await nats
    .jetstream()
    .publish(`${process.env.TB_NATS_SUBJECT_PREFIX}.${type}`, JSON.stringify(event), {
      msgID: randomUUID(),
    });
}

/** A rewards.voucher.redeemed event as the rewards service would announce it. */
function publishRedeemed(memberId: string, eventId: string, offerTitle: string) {
  return publishEvent(
    'rewards.voucher.redeemed',
    {
      voucherId: randomUUID(),
      holdId: randomUUID(),
      offerId: randomUUID(),
      merchantId: randomUUID(),
      memberId,
      minutes: 30,
      offerTitle,
      redeemedAt: new Date().toISOString(),
    },
    eventId,
  );
}

/** The gateway's metrics (its open streams among them). */
function openStreams() {
  return scrape(`${new URL(sharedBaseUrl()).origin}/metrics`);
}

async function ticketOf(who: SignedIn, call: Api = api) {
  const res = await call('POST', '/notifications/stream-ticket', { token: who.token });
  return ok<{ ticket: string; expiresAt: string }>(res, 200, 'stream ticket');
}

/** The member reads their notifications in `locale` from now on (registration leaves zh-CN). */
async function speaks(who: SignedIn, locale: 'en' | 'zh-CN', call: Api = api): Promise<SignedIn> {
  ok(await call('PATCH', '/me', { token: who.token, body: { locale } }), 200, 'locale');
  return who;
}

/** A new member of the community who reads English (a volunteer unless `roles` says otherwise). */
async function joins(
  communityId: string,
  extra: Record<string, unknown> = { roles: ['volunteer'] },
  call: Api = api,
): Promise<SignedIn> {
  return speaks(await register(communityId, extra, call), 'en', call);
}

beforeAll(async () => {
  admin = await adminToken();
  cast = await neighbours(admin);
  for (const who of [cast.resident, cast.volunteer, cast.coordinator]) await speaks(who, 'en');
  db = new Client({ connectionString: process.env.TB_DATABASE_URL });
  await db.connect();
  nats = await connect({ servers: process.env.TB_NATS_URL!.split(',') });
});

afterAll(async () => {
  await db?.end();
  await nats?.close();
});

describe("a help request's life", () => {
  it('tells the resident of acceptance and completion, the volunteer of confirmation', async () => {
    const { resident, volunteer } = cast;
    const posted = ok<{ id: string }>(
      await api('POST', '/requests', {
        token: resident.token,
        body: requestTerms({ title: 'Escort to the clinic', estimatedMinutes: 60 }),
      }),
      201,
      'post',
    );
    ok(await act(volunteer.token, posted.id, 'accept'), 200, 'accept');
    const [accepted] = await told(resident, 'request.accepted');
    expect(accepted).toMatchObject({
      title: 'Your request was accepted',
      body: 'A volunteer took “Escort to the clinic”.',
      link: `/requests/${posted.id}`,
      readAt: null,
    });
    // Texts follow the member's language, not the caller's Accept-Language: this one is zh-CN.
    const chinese = await api('GET', '/notifications', {
      token: resident.token,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(chinese.body.items[0].title).toBe('Your request was accepted');

    ok(await act(volunteer.token, posted.id, 'complete', { minutes: 45 }), 200, 'complete');
    const [completed] = await told(resident, 'request.completed');
    expect(completed.body).toContain('45 minutes');
    ok(await act(resident.token, posted.id, 'confirm', {}), 200, 'confirm');
    const [confirmed] = await told(volunteer, 'request.confirmed');
    expect(confirmed).toMatchObject({
      title: 'Your service was confirmed',
      body: '45 minutes for “Escort to the clinic” were confirmed and credited.',
      link: `/requests/${posted.id}`,
    });
  });

  it('tells a dispute to the volunteer and every coordinator, and its resolution to both sides once', async () => {
    const { resident, volunteer, coordinator, community } = cast;
    const second = await speaks(await coordinatorOf(admin, community.id), 'en');
    const elsewhere = await coordinatorOf(admin, (await neighbours(admin)).community.id);
    const posted = ok<{ id: string }>(
      await api('POST', '/requests', {
        token: resident.token,
        body: requestTerms({ title: 'Shopping', estimatedMinutes: 60 }),
      }),
      201,
      'post',
    );
    ok(await act(volunteer.token, posted.id, 'accept'), 200, 'accept');
    ok(await act(volunteer.token, posted.id, 'complete', { minutes: 60 }), 200, 'complete');
    ok(await act(resident.token, posted.id, 'dispute', { reason: 'Half an hour' }), 200, 'dispute');

    const disputed = await toldOf(volunteer, 'request.disputed', 'Shopping');
    expect(disputed.body).toBe(
      'The resident disputed the minutes of “Shopping”; a coordinator will decide.',
    );
    for (const who of [coordinator, second]) {
      const opened = await toldOf(who, 'dispute.opened', 'Shopping');
      expect(opened).toMatchObject({
        title: 'A dispute was opened',
        link: `/requests/${posted.id}`,
      });
    }

    ok(
      await act(second.token, posted.id, 'resolve', { minutes: 30, note: 'half' }),
      200,
      'resolve',
    );
    const [resolved] = await told(resident, 'request.resolved');
    expect(resolved.body).toBe('A coordinator settled “Shopping” at 30 minutes.');
    const confirmed = await toldOf(volunteer, 'request.confirmed', 'Shopping');
    expect(confirmed.body).toBe('30 minutes for “Shopping” were confirmed and credited.');
    // With credit the volunteer hears it once, as the confirmation; the other community hears nothing.
    expect(await kindsOf(volunteer)).not.toContain('request.resolved');
    expect(await kindsOf(elsewhere)).toEqual([]);
  });
});

describe('logged hours', () => {
  it("asks the community's coordinators to review, and tells the volunteer the verdict", async () => {
    const { coordinator, community } = cast;
    const volunteer = await joins(community.id, { roles: ['volunteer'], displayName: '李志愿' });
    const logId = await logHours(volunteer, 90);
    const waiting = await toldOf(coordinator, 'hours.waiting', '李志愿');
    expect(waiting).toMatchObject({ title: 'Hours waiting for review', link: '/console' });
    expect(waiting.body).toMatch(/^李志愿 logged 90 minutes served on \d{4}-\d{2}-\d{2}\.$/);

    await approve(logId, coordinator);
    const [approved] = await told(volunteer, 'hours.approved');
    expect(approved).toMatchObject({ title: 'Your hours were approved', link: '/hours' });
    expect(approved.body).toContain('90 minutes');

    const rejectedId = await logHours(volunteer, 30);
    ok(
      await api('POST', `/hours/${rejectedId}/reject`, {
        token: coordinator.token,
        body: { reason: 'Nobody remembers this shift' },
      }),
      200,
      'reject',
    );
    const [rejected] = await told(volunteer, 'hours.rejected');
    expect(rejected.body).toMatch(/30 minutes .* were rejected: Nobody remembers this shift$/);
    // The volunteer is no coordinator: nothing waits for them to review.
    expect(await kindsOf(volunteer)).not.toContain('hours.waiting');
  });
});

describe('vouchers', () => {
  it('tells the member their voucher was redeemed at the counter', async () => {
    const { coordinator, community } = cast;
    const merchant = await merchantWithStaff(coordinator.token, community.id);
    const offer = await approvedOffer(coordinator, merchant, { title: 'Soy milk 10% off' });
    const member = await joins(community.id);
    await credit(coordinator, member, 100);
    const voucher = ok<{ code: string }>(
      await api('POST', `/offers/${offer.id}/claim`, {
        token: member.token,
        headers: { 'idempotency-key': unique('claim') },
      }),
      201,
      'claim',
    );
    ok(
      await api('POST', '/vouchers/redeem', {
        token: merchant.staff.token,
        body: { code: voucher.code },
        headers: { 'idempotency-key': unique('redeem') },
      }),
      200,
      'redeem',
    );
    const [redeemed] = await told(member, 'voucher.redeemed');
    expect(redeemed).toMatchObject({
      title: 'Your voucher was used',
      body: 'Your voucher for “Soy milk 10% off” was redeemed.',
      link: '/vouchers',
    });
  });
});

describe('activities (their events as the volunteers service announces them)', () => {
  it('tells volunteers of a promotion, tomorrow, a cancellation and their pay, each once', async () => {
    const [first, second] = [await joins(cast.community.id), await joins(cast.community.id)];
    const activityId = randomUUID();
    const activity = {
      activityId,
      title: 'River clean-up',
      communityId: cast.community.id,
      place: 'East gate',
      startsAt: '2026-06-01T01:00:00.000Z',
      endsAt: '2026-06-01T04:00:00.000Z',
    };
    const ids = [first.member.id, second.member.id];
    const at = new Date().toISOString();
    await publishEvent('volunteers.activity.signup-promoted', {
      activity,
      volunteerId: first.member.id,
      at,
    });
    await publishEvent('volunteers.activity.reminder-due', { activity, volunteerIds: ids });
    await publishEvent('volunteers.activity.cancelled', {
      activity,
      holdId: randomUUID(),
      reason: 'Storm warning',
      volunteerIds: [...ids, first.member.id],
      cancelledBy: cast.coordinator.member.id,
      at,
    });
    const payment = (volunteerId: string, minutes: number) => ({
      volunteerId,
      minutes,
      details: {
        source: 'activity',
        sourceId: activityId,
        volunteerId,
        description: activity.title,
        communityId: cast.community.id,
        servedOn: '2026-06-01',
        minutes,
        verifiedBy: cast.coordinator.member.id,
        verifiedAt: at,
      },
    });
    await publishEvent('volunteers.activity.closed', {
      activity,
      holdId: randomUUID(),
      payments: [payment(first.member.id, 180), payment(second.member.id, 120)],
      noShows: [],
      closedBy: cast.coordinator.member.id,
      closedAt: at,
    });

    const link = `/activities/${activityId}`;
    const [promoted] = await told(first, 'activity.promoted');
    expect(promoted).toMatchObject({
      title: 'You have a place',
      body: 'A place freed up: you are now signed up for “River clean-up” (2026-06-01 09:00).',
      link,
    });
    for (const who of [first, second]) {
      const [tomorrow] = await told(who, 'activity.tomorrow');
      expect(tomorrow.body).toBe('“River clean-up” starts at 2026-06-01 09:00, at East gate.');
      const [cancelled] = await told(who, 'activity.cancelled');
      expect(cancelled).toMatchObject({
        body: '“River clean-up” was cancelled: Storm warning',
        link,
      });
    }
    expect((await told(second, 'activity.paid'))[0].body).toBe(
      '120 minutes for “River clean-up” were credited.',
    );
    expect((await told(first, 'activity.paid'))[0].body).toBe(
      '180 minutes for “River clean-up” were credited.',
    );
    // Named twice by the cancellation, told once; promoted is only the first's.
    expect((await kindsOf(first)).sort()).toEqual([
      'activity.cancelled',
      'activity.paid',
      'activity.promoted',
      'activity.tomorrow',
    ]);
    expect(await kindsOf(second)).not.toContain('activity.promoted');
  });
});

describe('activities (through their routes)', () => {
  it('tells the first on the waitlist they moved up, and everyone signed up of a cancellation', async () => {
    const { coordinator, community } = cast;
    const published = ok<{ id: string }>(
      await api('POST', '/activities', {
        token: coordinator.token,
        body: {
          title: 'Park patrol',
          description: 'Evening round',
          communityId: community.id,
          place: 'North gate',
          startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
          endsAt: new Date(Date.now() + 90 * 60_000).toISOString(),
          capacity: 1,
        },
      }),
      201,
      'publish',
    );
    const [first, second] = [await joins(community.id), await joins(community.id)];
    const signUp = (who: SignedIn) =>
      api('POST', `/activities/${published.id}/signups`, { token: who.token });
    ok(await signUp(first), 201, 'sign up');
    ok(await signUp(second), 201, 'waitlisted');
    const withdrawn = await api('DELETE', `/activities/${published.id}/signups/me`, {
      token: first.token,
    });
    expect(withdrawn.status).toBe(204);
    const promoted = await toldOf(second, 'activity.promoted', 'Park patrol');
    expect(promoted).toMatchObject({
      title: 'You have a place',
      link: `/activities/${published.id}`,
    });

    ok(
      await api('POST', `/activities/${published.id}/cancel`, {
        token: coordinator.token,
        body: { reason: 'Storm warning' },
      }),
      200,
      'cancel',
    );
    const cancelled = await toldOf(second, 'activity.cancelled', 'Park patrol');
    expect(cancelled.body).toBe('“Park patrol” was cancelled: Storm warning');
    // Who withdrew before is no longer signed up, and was never promoted.
    expect(await kindsOf(first)).toEqual([]);
  });
});

describe('exactly once', () => {
  it('keeps one notification for an event delivered twice, and again once its inbox row is gone', async () => {
    const member = await joins(cast.community.id, {});
    const eventId = randomUUID();
    await publishRedeemed(member.member.id, eventId, 'Twice');
    await publishRedeemed(member.member.id, eventId, 'Twice');
    // One consumer applies one event at a time, in order: once the marker is told, both copies were seen.
    await publishRedeemed(member.member.id, randomUUID(), 'Marker');
    await until(
      'the marker',
      () => list(member),
      (p) => p.items.some((n) => n.body.includes('Marker')),
    );
    const count = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM volunteers.notifications WHERE event_id = $1',
          [eventId],
        )
      ).rows[0].n;
    expect(await count()).toBe(1);

    // The second lock: without its inbox row the event is applied again, and tells nobody twice.
    await db.query('DELETE FROM volunteers.inbox WHERE event_id = $1', [eventId]);
    await publishRedeemed(member.member.id, eventId, 'Twice');
    await until(
      'the event applied again',
      async () =>
        (await db.query('SELECT 1 FROM volunteers.inbox WHERE event_id = $1', [eventId])).rowCount,
      (n) => n === 1,
    );
    expect(await count()).toBe(1);
    expect((await list(member)).items.filter((n) => n.body.includes('Twice'))).toHaveLength(1);
  });
});

describe('a malformed event', () => {
  it('is set aside at once as a dead letter, and the events after it are told', async () => {
    const member = await joins(cast.community.id, {});
    const eventId = randomUUID();
    // No volunteerIds: not what the event's type promises.
    await publishEvent(
      'volunteers.activity.cancelled',
      { activity: { activityId: randomUUID(), title: 'x' }, reason: 'x' },
      eventId,
    );
    await publishRedeemed(member.member.id, randomUUID(), 'After');
    await toldOf(member, 'voucher.redeemed', 'After');
    const { rows } = await db.query<{ deliveries: number; error: string }>(
      'SELECT deliveries, error FROM volunteers.dead_letters WHERE event_id = $1',
      [eventId],
    );
    expect(rows).toEqual([{ deliveries: 1, error: expect.stringContaining('malformed') }]);
  });
});

describe('language', () => {
  it("renders each member's own language, and old items again after a change", async () => {
    const { coordinator, community } = cast;
    const english = await joins(community.id);
    const chinese = await register(community.id, { roles: ['volunteer'] });
    await approve(await logHours(english, 60), coordinator);
    await approve(await logHours(chinese, 60), coordinator);
    expect((await told(english, 'hours.approved'))[0].title).toBe('Your hours were approved');
    const [zh] = await told(chinese, 'hours.approved');
    expect(zh.title).toBe('您的服务时长已通过');
    expect(zh.body).toMatch(/^\d{4}-\d{2}-\d{2} 服务的 60 分钟已审核通过并记入积分。$/);

    ok(await api('PATCH', '/me', { token: chinese.token, body: { locale: 'en' } }), 200, 'locale');
    const [again] = await told(chinese, 'hours.approved');
    expect(again).toMatchObject({ id: zh.id, title: 'Your hours were approved' });
  });
});

describe('reading', () => {
  let member: SignedIn;

  beforeAll(async () => {
    member = await joins(cast.community.id, {});
    for (const title of ['One', 'Two', 'Three']) {
      await publishRedeemed(member.member.id, randomUUID(), title);
    }
    await told(member, 'voucher.redeemed', 3);
  });

  it('pages newest first with an opaque cursor', async () => {
    const first = await list(member, '?limit=2');
    expect(first.items.map((n) => n.body)).toEqual([
      'Your voucher for “Three” was redeemed.',
      'Your voucher for “Two” was redeemed.',
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(member, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.body)).toEqual(['Your voucher for “One” was redeemed.']);
    expect(second.nextCursor).toBeNull();
    const token = member.token;
    expectProblem(
      await api('GET', '/notifications?cursor=nope', { token }),
      400,
      'VALIDATION_FAILED',
      ['cursor'],
    );
    expectProblem(await api('GET', '/notifications?limit=0', { token }), 400, 'VALIDATION_FAILED', [
      'limit',
    ]);
    expectProblem(
      await api('GET', '/notifications?unread=maybe', { token }),
      400,
      'VALIDATION_FAILED',
      ['unread'],
    );
    expectProblem(await api('GET', '/notifications'), 401, 'UNAUTHENTICATED');
  });

  it('reads one, then all; nobody reads another member’s', async () => {
    const [newest, middle] = (await list(member)).items;
    expect(await unreadCount(member)).toBe(3);
    const other = await register(cast.community.id);
    expectProblem(
      await api('POST', `/notifications/${newest.id}/read`, { token: other.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('POST', `/notifications/${randomUUID()}/read`, { token: member.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('POST', '/notifications/not-an-id/read', { token: member.token }),
      400,
      'VALIDATION_FAILED',
    );
    const read = await api('POST', `/notifications/${newest.id}/read`, { token: member.token });
    expect(read.status).toBe(204);
    expect(await unreadCount(member)).toBe(2);
    const again = await api('POST', `/notifications/${newest.id}/read`, { token: member.token });
    expect(again.status).toBe(204);
    const items = (await list(member)).items;
    expect(items[0].readAt).toEqual(expect.any(String));
    expect(items[1].readAt).toBeNull();
    expect((await list(member, '?unread=true')).items.map((n) => n.id)).not.toContain(newest.id);
    expect((await list(member, '?unread=true')).items.map((n) => n.id)).toContain(middle.id);

    const all = await api('POST', '/notifications/read-all', { token: member.token });
    expect(all.status).toBe(204);
    expect(await unreadCount(member)).toBe(0);
    expect((await list(member, '?unread=true')).items).toEqual([]);
    // Read before read-all keeps the moment it was first read.
    expect((await list(member)).items[0].readAt).toBe(items[0].readAt);
  });
});

describe('the stream', () => {
  it('delivers a new notification to an open stream, the same item the list shows', async () => {
    const { coordinator, community } = cast;
    const volunteer = await joins(community.id);
    const { ticket, expiresAt } = await ticketOf(volunteer);
    const seconds = (new Date(expiresAt).getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
    const stream = await openStream(ticket);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      await approve(await logHours(volunteer, 75), coordinator);
      const pushed = JSON.parse((await stream.next('notification')).data) as Notification;
      expect(pushed).toMatchObject({ kind: 'hours.approved', title: 'Your hours were approved' });
      expect(pushed.body).toContain('75 minutes');
      expect((await list(volunteer)).items[0]).toEqual(pushed);
      expect(valueOf(await openStreams(), 'timebank_notification_streams')).toBe(1);
    } finally {
      stream.close();
    }
    // A closed stream leaves the gateway's registry.
    await until(
      'the stream unregistered',
      async () => valueOf(await openStreams(), 'timebank_notification_streams'),
      (n) => n === 0,
    );
  });

  it(
    'reaches a stream open on another gateway copy, with a ticket the first one gave',
    async () => {
      // A second gateway over the same services, as behind a load balancer: it shares no
      // memory with the first, only the JWT secret and NATS.
      const copy = await launchSuite({
        env: {
          ...TEST_SETTINGS,
          DATABASE_URL: process.env.TB_DATABASE_URL ?? '',
          NATS_URL: process.env.TB_NATS_URL ?? '',
          NATS_SUBJECT_PREFIX: process.env.TB_NATS_SUBJECT_PREFIX ?? '',
          PORT: String(await freePort()),
        },
        services: ['gateway'],
        startTimeoutMs: SERVICE_START_MS,
      });
      try {
        await copy.waitHealthy(SERVICE_START_MS);
        const volunteer = await joins(cast.community.id);
        const stream = await openStream((await ticketOf(volunteer)).ticket, copy.baseUrl);
        try {
          expect(stream.status).toBe(200);
          await approve(await logHours(volunteer, 40), cast.coordinator);
          const pushed = JSON.parse((await stream.next('notification')).data) as Notification;
          expect(pushed).toMatchObject({ kind: 'hours.approved' });
          expect(pushed.body).toContain('40 minutes');
        } finally {
          stream.close();
        }
      } finally {
        await copy.stop();
      }
    },
    3 * SERVICE_START_MS,
  );

  it('refuses a missing, forged, expired or borrowed ticket with 401', async () => {
    const member = await register(cast.community.id);
    const base = sharedBaseUrl();
    const refused = async (query: string) => {
      const res = await api('GET', `${base}/notifications/stream${query}`);
      expectProblem(res, 401, 'UNAUTHENTICATED');
    };
    await refused('');
    await refused('?ticket=forged');
    // An access token is no ticket, and a ticket signed with another secret is forged.
    await refused(`?ticket=${member.token}`);
    const claims = { sub: member.member.id };
    const options = { audience: 'notifications-stream', issuer: 'timebank' } as const;
    await refused(`?ticket=${sign(claims, 'another-secret-of-at-least-32-chars!!', options)}`);
    const expired = sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 5 },
      DEV_JWT_SECRET,
      options,
    );
    await refused(`?ticket=${expired}`);
    // A ticket is no access token either.
    const { ticket } = await ticketOf(member);
    expectProblem(await api('GET', '/notifications', { token: ticket }), 401, 'UNAUTHENTICATED');
    expectProblem(await api('POST', '/notifications/stream-ticket'), 401, 'UNAUTHENTICATED');
  });
});

describe('reminders and tiers (a suite with a fast schedule)', () => {
  let suite: TestSuite;
  let people: Neighbours;

  beforeAll(async () => {
    suite = await startPrivateSuite({
      label: 'notifications',
      env: {
        REQUEST_EXPIRY_INTERVAL_MS: '300',
        REQUEST_EXPIRY_WARNING_HOURS: '48',
        VOUCHER_EXPIRY_INTERVAL_MS: '300',
        // Longer than a voucher lives (30 days): every voucher is told at once.
        VOUCHER_EXPIRY_WARNING_HOURS: String(31 * 24),
        TIER_THRESHOLDS_HOURS: '1,2,3,4,5',
      },
    });
    people = await neighbours(await adminToken(suite.api), {}, suite.api);
    for (const who of [people.resident, people.coordinator]) await speaks(who, 'en', suite.api);
  }, SUITE_START_MS);

  afterAll(async () => {
    await suite?.stop();
  });

  it('tells a requester once that nobody has taken their request yet', async () => {
    const resident = people.resident;
    const posted = ok<{ id: string }>(
      await suite.api('POST', '/requests', {
        token: resident.token,
        body: requestTerms({ title: 'Fix the tap' }),
      }),
      201,
      'post',
    );
    const [expiring] = await told(resident, 'request.expiring', 1, suite.api);
    expect(expiring).toMatchObject({
      title: 'Your request is about to expire',
      link: `/requests/${posted.id}`,
    });
    expect(expiring.body).toMatch(
      /^Nobody has taken “Fix the tap” yet, and its time ends at \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/,
    );
    // Many rounds later, still once.
    await pause(1500);
    expect((await told(resident, 'request.expiring', 1, suite.api)).length).toBe(1);
  });

  it('tells a member once that their voucher expires soon', async () => {
    const { coordinator, community } = people;
    const merchant = await merchantWithStaff(
      coordinator.token,
      community.id,
      unique('shop'),
      suite.api,
    );
    const offer = await approvedOffer(coordinator, merchant, { title: 'Haircut' }, suite.api);
    const member = await joins(community.id, { roles: ['volunteer'] }, suite.api);
    await credit(coordinator, member, 100, suite.api);
    ok(
      await suite.api('POST', `/offers/${offer.id}/claim`, {
        token: member.token,
        headers: { 'idempotency-key': unique('claim') },
      }),
      201,
      'claim',
    );
    const [expiring] = await told(member, 'voucher.expiring', 1, suite.api);
    expect(expiring.body).toMatch(
      /^Your voucher for “Haircut” expires on \d{4}-\d{2}-\d{2}: use it before then\.$/,
    );
    await pause(1500);
    expect((await told(member, 'voucher.expiring', 1, suite.api)).length).toBe(1);
  });

  it('tells a volunteer the tier they reached', async () => {
    const volunteer = await joins(people.community.id, { roles: ['volunteer'] }, suite.api);
    await approve(await logHours(volunteer, 60, suite.api), people.coordinator, suite.api);
    const [tier] = await eventually(() => told(volunteer, 'tier.reached', 1, suite.api));
    expect(tier).toMatchObject({
      title: 'A new tier',
      body: 'You are now a One-star volunteer. Thank you for your service!',
      link: '/record',
    });
  });
});
