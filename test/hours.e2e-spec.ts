import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { api, ApiResponse } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  createMember,
  register,
  SignedIn,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { eventually } from './support/wait';

interface HourLog {
  id: string;
  status: string;
  servedOn: string;
  minutes: number;
  communityId: string;
}

interface ServiceRecord {
  certificateCode: string;
  certificateNumber: string;
  volunteerNumber: string;
  totalMinutes: number;
  serviceCount: number;
  tier: { level: number; name: string; nextLevelAtMinutes: number | null };
  entries: Array<{ sourceId: string; minutes: number; reversed: boolean }>;
}

interface Certificate {
  service: Array<{ servedOn: string; minutes: number }>;
}

/** The ids of a page of hour logs, in order. */
function idsOf(res: ApiResponse<{ items: HourLog[] }>): string[] {
  return res.body.items.map((l) => l.id);
}

const NOBODY = '00000000-0000-4000-8000-000000000000';
const FREE_TEXT = `社区清洁 🧹 "quotes" 'single' <b>angle</b> & '; DROP TABLE volunteers.hour_logs; --`;

let admin: string;
let community: Community;
let otherCommunity: Community;
let coordinator: SignedIn;
let otherCoordinator: SignedIn;
let db: Client;
let nats: NatsConnection;

/** A day `days` from today (UTC); two days ahead is in the future in every time zone. */
function day(days: number): string {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Distinct past days, so tests never share a volunteer's daily limit. */
let nextDay = 10;
function pastDay(): string {
  nextDay += 1;
  return day(-nextDay);
}

/** Polls until `check` passes (it throws until then); never a fixed sleep. */

function volunteer(communityId = community.id, extra: Record<string, unknown> = {}) {
  return register(communityId, { roles: ['volunteer'], ...extra });
}

async function logHours(who: SignedIn, body: Record<string, unknown> = {}): Promise<HourLog> {
  const res = await api<HourLog>('POST', '/hours', {
    token: who.token,
    body: { minutes: 60, servedOn: pastDay(), description: 'Park clean-up', ...body },
  });
  expect(res.status).toBe(201);
  return res.body;
}

function approve(id: string, token: string, key?: string): Promise<ApiResponse> {
  return api('POST', `/hours/${id}/approve`, {
    token,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

async function outboxEvents(
  subject: string,
  field: string,
  value: string,
): Promise<Array<Record<string, unknown>>> {
  const { rows } = await db.query<{ payload: Record<string, unknown> }>(
    `SELECT payload FROM volunteers.outbox WHERE subject = $1 AND payload #>> $2 = $3 ORDER BY seq`,
    [subject, `{${field.split('.').join(',')}}`, value],
  );
  return rows.map((r) => r.payload);
}

/** What the ledger announces when it posts a transfer, as the accounting service would. */
async function publishTransferPosted(
  data: Record<string, unknown>,
  eventId = randomUUID(),
  prefix = process.env.TB_NATS_SUBJECT_PREFIX!,
) {
  const event = {
    id: eventId,
    type: 'accounting.transfer.posted',
    occurredAt: new Date().toISOString(),
    requestId: null,
    data,
  };
  // A fresh message id each time: JetStream would drop a repeat inside its window, the inbox must.
  await nats.jetstream().publish(`${prefix}.accounting.transfer.posted`, JSON.stringify(event), {
    msgID: randomUUID(),
  });
  return eventId;
}

function serviceTransfer(
  volunteerId: string,
  details: Record<string, unknown> | null,
  toLifetimeEarnedMinutes: number,
  minutes = 60,
) {
  return {
    transferId: randomUUID(),
    kind: 'service',
    minutes,
    from: { accountId: randomUUID(), ownerType: 'community_fund', ownerId: community.id },
    to: { accountId: randomUUID(), ownerType: 'member', ownerId: volunteerId },
    reference: null,
    memo: null,
    reversesTransferId: null,
    holdId: null,
    at: new Date().toISOString(),
    toLifetimeEarnedMinutes,
    details,
  };
}

function detailsFor(v: SignedIn, minutes: number, servedOn = pastDay()) {
  return {
    source: 'hours',
    sourceId: randomUUID(),
    volunteerId: v.member.id,
    description: FREE_TEXT,
    communityId: community.id,
    servedOn,
    minutes,
    verifiedBy: coordinator.member.id,
    verifiedAt: new Date().toISOString(),
  };
}

async function record(volunteerId: string, token = admin): Promise<ServiceRecord> {
  const res = await api<ServiceRecord>('GET', `/volunteers/${volunteerId}/service-record`, {
    token,
  });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 1);
  otherCommunity = await createCommunity(admin, 1);
  coordinator = await coordinatorOf(admin, community.id);
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  db = new Client({ connectionString: process.env.TB_DATABASE_URL });
  await db.connect();
  nats = await connect({ servers: process.env.TB_NATS_URL!.split(',') });
  // The fund pays for approved hours (once the ledger consumes them).
  const allocation = await api('POST', `/communities/${community.id}/fund/allocations`, {
    token: admin,
    body: { minutes: 100_000 },
  });
  expect(allocation.status).toBe(201);
});

afterAll(async () => {
  await db?.end();
  await nats?.close();
});

describe('logging hours', () => {
  it('records pending hours in the volunteer’s own community, free text exactly as given', async () => {
    const v = await volunteer();
    const servedOn = pastDay();
    const res = await api('POST', '/hours', {
      token: v.token,
      body: { minutes: 90, servedOn, description: FREE_TEXT },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      status: 'pending',
      volunteerId: v.member.id,
      volunteer: { id: v.member.id, displayName: v.member.displayName },
      communityId: community.id,
      minutes: 90,
      servedOn,
      description: FREE_TEXT,
      reviewedBy: null,
      reviewedAt: null,
      rejectionReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const again = await api('GET', `/hours/${res.body.id}`, { token: v.token });
    expect(again.body.description).toBe(FREE_TEXT);
  });

  it('takes today and another community where the service was done', async () => {
    const v = await volunteer();
    const log = await logHours(v, { servedOn: day(-1), communityId: otherCommunity.id });
    expect(log.communityId).toBe(otherCommunity.id);
    await logHours(v, { servedOn: day(0) });
  });

  it('refuses a day in the future, naming servedOn', async () => {
    const v = await volunteer();
    expectProblem(
      await api('POST', '/hours', {
        token: v.token,
        body: { minutes: 60, servedOn: day(2), description: 'tomorrow' },
      }),
      400,
      'VALIDATION_FAILED',
      ['servedOn'],
    );
  });

  it('refuses bad minutes, dates, descriptions, communities and unknown fields by name', async () => {
    const v = await volunteer();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ minutes: 0 }, 'minutes'],
      [{ minutes: 1441 }, 'minutes'],
      [{ minutes: 1.5 }, 'minutes'],
      [{ minutes: '60' }, 'minutes'],
      [{ servedOn: '2026-02-30' }, 'servedOn'],
      [{ servedOn: '2026-3-1' }, 'servedOn'],
      [{ description: '   ' }, 'description'],
      [{ description: 'a\u0000b' }, 'description'],
      [{ communityId: 'nope' }, 'communityId'],
      [{ communityId: NOBODY }, 'communityId'],
      [{ volunteerId: NOBODY }, 'volunteerId'],
    ];
    for (const [change, field] of cases) {
      const res = await api('POST', '/hours', {
        token: v.token,
        body: { minutes: 60, servedOn: day(-1), description: 'x', ...change },
      });
      expectProblem(res, 400, 'VALIDATION_FAILED', [field]);
    }
  });

  it('is for volunteers only, signed in', async () => {
    const resident = await register(community.id);
    const body = { minutes: 60, servedOn: day(-1), description: 'x' };
    expectProblem(await api('POST', '/hours', { token: resident.token, body }), 403, 'FORBIDDEN');
    expectProblem(await api('POST', '/hours', { body }), 401, 'UNAUTHENTICATED');
  });
});

describe('at most 24 hours a day', () => {
  it('counts pending and approved logs of the day, and frees what is rejected', async () => {
    const v = await volunteer();
    const servedOn = pastDay();
    const first = await logHours(v, { servedOn, minutes: 1000 });
    const over = await api('POST', '/hours', {
      token: v.token,
      body: { minutes: 441, servedOn, description: 'one minute too many' },
    });
    expectProblem(over, 409, 'NOT_ELIGIBLE');
    expect(over.body.detail).toMatch(/440 left/);
    const rest = await logHours(v, { servedOn, minutes: 440 });
    expect((await approve(rest.id, coordinator.token)).status).toBe(200);
    expectProblem(
      await api('POST', '/hours', {
        token: v.token,
        body: { minutes: 1, servedOn, description: 'full' },
      }),
      409,
      'NOT_ELIGIBLE',
    );
    // Another day is another day.
    await logHours(v, { minutes: 1440 });
    const rejected = await api('POST', `/hours/${first.id}/reject`, {
      token: coordinator.token,
      body: { reason: 'double entry' },
    });
    expect(rejected.status).toBe(200);
    await logHours(v, { servedOn, minutes: 1000 });
  });

  it('lets only one of two logs sent at once through when both would not fit', async () => {
    const v = await volunteer();
    const servedOn = pastDay();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api('POST', '/hours', {
          token: v.token,
          body: { minutes: 800, servedOn, description: 'at once' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });
});

describe('approving and rejecting', () => {
  it('approves pending hours and announces them for the community fund to pay', async () => {
    const v = await volunteer();
    const log = await logHours(v, { minutes: 75, description: FREE_TEXT });
    const res = await approve(log.id, coordinator.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: log.id,
      status: 'approved',
      reviewedBy: coordinator.member.id,
      reviewedAt: expect.any(String),
      rejectionReason: null,
    });
    const [event] = await outboxEvents('volunteers.hours.verified', 'details.sourceId', log.id);
    expect(event).toEqual({
      details: {
        source: 'hours',
        sourceId: log.id,
        volunteerId: v.member.id,
        description: FREE_TEXT,
        communityId: community.id,
        servedOn: log.servedOn,
        minutes: 75,
        verifiedBy: coordinator.member.id,
        verifiedAt: res.body.reviewedAt,
      },
      holdId: expect.any(String),
      payer: { type: 'community_fund', id: community.id },
    });
  });

  it('refuses approval when the community fund cannot pay, and leaves the log pending', async () => {
    const poor = await createCommunity(admin, 1);
    const poorCoordinator = await coordinatorOf(admin, poor.id);
    const v = await volunteer(poor.id);
    const log = await logHours(v, { minutes: 30, communityId: poor.id });
    const res = await approve(log.id, poorCoordinator.token);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INSUFFICIENT_CREDITS');
    const after = await api('GET', `/hours/${log.id}`, { token: poorCoordinator.token });
    expect(after.body.status).toBe('pending');
  });

  it('refuses a second approval with INVALID_STATE, but answers a retry with the same key as the first time', async () => {
    const v = await volunteer();
    const log = await logHours(v);
    const first = await approve(log.id, coordinator.token, 'approve-once');
    expect(first.status).toBe(200);
    const retry = await approve(log.id, coordinator.token, 'approve-once');
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expectProblem(await approve(log.id, coordinator.token), 409, 'INVALID_STATE');
    // The same key for other hours is a mismatch, not a second approval.
    const other = await logHours(v);
    expectProblem(
      await approve(other.id, coordinator.token, 'approve-once'),
      409,
      'IDEMPOTENCY_MISMATCH',
    );
    expect(
      await outboxEvents('volunteers.hours.verified', 'details.sourceId', log.id),
    ).toHaveLength(1);
  });

  it('refuses coordinators of another community, volunteers and admins', async () => {
    const v = await volunteer();
    const log = await logHours(v);
    expectProblem(await approve(log.id, otherCoordinator.token), 403, 'FORBIDDEN');
    expectProblem(await approve(log.id, v.token), 403, 'FORBIDDEN');
    expectProblem(await approve(log.id, admin), 403, 'FORBIDDEN');
    expectProblem(
      await api('POST', `/hours/${log.id}/reject`, {
        token: otherCoordinator.token,
        body: { reason: 'not ours' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await approve(NOBODY, coordinator.token), 404, 'NOT_FOUND');
    expectProblem(await approve('not-a-uuid', coordinator.token), 400, 'VALIDATION_FAILED', ['id']);
    const still = await api('GET', `/hours/${log.id}`, { token: v.token });
    expect(still.body.status).toBe('pending');
  });

  it('never lets a coordinator approve their own hours: another coordinator does', async () => {
    const both = await createMember(admin, {
      communityId: community.id,
      roles: ['coordinator', 'volunteer'],
      coordinatorOf: [community.id],
    });
    const log = await logHours(both);
    expectProblem(await approve(log.id, both.token), 403, 'FORBIDDEN');
    expect((await approve(log.id, coordinator.token)).body.status).toBe('approved');
  });

  it('rejects with the reason exactly as given, once', async () => {
    const v = await volunteer();
    const log = await logHours(v);
    expectProblem(
      await api('POST', `/hours/${log.id}/reject`, { token: coordinator.token, body: {} }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    const reason = `没人记得这次 <script>alert("x")</script> 😅`;
    const res = await api('POST', `/hours/${log.id}/reject`, {
      token: coordinator.token,
      body: { reason },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      rejectionReason: reason,
      reviewedBy: coordinator.member.id,
    });
    expectProblem(
      await api('POST', `/hours/${log.id}/reject`, {
        token: coordinator.token,
        body: { reason: 'again' },
      }),
      409,
      'INVALID_STATE',
    );
    expectProblem(await approve(log.id, coordinator.token), 409, 'INVALID_STATE');
    expect(await outboxEvents('volunteers.hours.verified', 'details.sourceId', log.id)).toEqual([]);
  });
});

describe('bulk approval', () => {
  it('approves each log of the queue it can and says why it refused the others', async () => {
    const v = await volunteer();
    const a = await logHours(v);
    const b = await logHours(v);
    const done = await logHours(v);
    expect((await approve(done.id, coordinator.token)).status).toBe(200);
    const elsewhere = await logHours(await volunteer(otherCommunity.id));
    const ids = [a.id, elsewhere.id, done.id, NOBODY, b.id];
    const res = await api('POST', '/hours/approve', {
      token: coordinator.token,
      body: { ids },
      headers: { 'idempotency-key': 'bulk-1' },
    });
    expect(res.status).toBe(200);
    expect(res.body.approved).toBe(2);
    expect(res.body.refused).toBe(3);
    expect(
      (
        res.body as {
          results: Array<{ id: string; outcome: string; log?: HourLog; error?: { code: string } }>;
        }
      ).results.map((r) => [r.id, r.outcome, r.log?.status ?? r.error?.code]),
    ).toEqual([
      [a.id, 'approved', 'approved'],
      [elsewhere.id, 'refused', 'FORBIDDEN'],
      [done.id, 'refused', 'INVALID_STATE'],
      [NOBODY, 'refused', 'NOT_FOUND'],
      [b.id, 'approved', 'approved'],
    ]);
    // The same key again answers the same; each log was announced once.
    const retry = await api('POST', '/hours/approve', {
      token: coordinator.token,
      body: { ids },
      headers: { 'idempotency-key': 'bulk-1' },
    });
    expect(retry.body.approved).toBe(2);
    for (const id of [a.id, b.id]) {
      expect(await outboxEvents('volunteers.hours.verified', 'details.sourceId', id)).toHaveLength(
        1,
      );
    }
  });

  it('refuses an empty, oversized or malformed list, and non-coordinators', async () => {
    for (const ids of [
      [],
      Array.from({ length: 101 }, () => randomUUID()),
      ['x'],
      [NOBODY, NOBODY],
    ]) {
      expectProblem(
        await api('POST', '/hours/approve', { token: coordinator.token, body: { ids } }),
        400,
        'VALIDATION_FAILED',
        ['ids'],
      );
    }
    const v = await volunteer();
    expectProblem(
      await api('POST', '/hours/approve', { token: v.token, body: { ids: [NOBODY] } }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('listing hours', () => {
  it("shows volunteers their own, coordinators their communities', with filters and pages", async () => {
    const v = await volunteer();
    const other = await volunteer();
    const mine = [await logHours(v), await logHours(v), await logHours(v)];
    const theirs = await logHours(other);
    await approve(mine[0].id, coordinator.token);

    const own = await api('GET', '/hours', { token: v.token });
    expect(own.status).toBe(200);
    expect(idsOf(own)).toEqual(mine.map((l) => l.id).reverse());
    expect(own.body.nextCursor).toBeNull();

    const page1 = await api('GET', '/hours?limit=2', { token: v.token });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await api('GET', `/hours?limit=2&cursor=${page1.body.nextCursor}`, {
      token: v.token,
    });
    expect(page2.body).toEqual({
      items: [expect.objectContaining({ id: mine[0].id })],
      nextCursor: null,
    });

    const pending = await api('GET', '/hours?status=pending&mine=true', { token: v.token });
    expect(idsOf(pending)).toEqual([mine[2].id, mine[1].id]);

    const queue = await api('GET', `/hours?status=pending&communityId=${community.id}&limit=100`, {
      token: coordinator.token,
    });
    const queued = idsOf(queue);
    expect(queued).toEqual(expect.arrayContaining([mine[1].id, mine[2].id, theirs.id]));
    expect(queued).not.toContain(mine[0].id);

    const outside = await api('GET', `/hours?communityId=${community.id}`, {
      token: otherCoordinator.token,
    });
    expect(outside.body.items).toEqual([]);
    const all = await api('GET', `/hours?communityId=${community.id}&limit=100`, { token: admin });
    expect(all.body.items.length).toBeGreaterThanOrEqual(4);
  });

  it('hides other people’s logs and refuses bad filters and cursors', async () => {
    const v = await volunteer();
    const log = await logHours(v);
    const stranger = await volunteer();
    expectProblem(
      await api('GET', `/hours/${log.id}`, { token: stranger.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('GET', `/hours/${log.id}`, { token: otherCoordinator.token }),
      404,
      'NOT_FOUND',
    );
    for (const [query, field] of [
      ['status=done', 'status'],
      ['mine=yes', 'mine'],
      ['communityId=x', 'communityId'],
      ['cursor=garbage', 'cursor'],
      ['limit=101', 'limit'],
    ]) {
      expectProblem(
        await api('GET', `/hours?${query}`, { token: v.token }),
        400,
        'VALIDATION_FAILED',
        [field],
      );
    }
  });
});

describe('service records and certificates', () => {
  it('shows the volunteer, its coordinators and admins the record, with an unguessable certificate code', async () => {
    const v = await volunteer(community.id, { displayName: '李华' });
    const own = await record(v.member.id, v.token);
    expect(own).toMatchObject({
      volunteerId: v.member.id,
      volunteerNumber: expect.stringMatching(/^V\d{8}$/),
      displayName: '李华',
      issuingCommunity: { id: community.id, code: community.code, name: community.name },
      totalMinutes: 0,
      serviceCount: 0,
      tier: { level: 0, name: 'Community volunteer', nextLevelAtMinutes: 6000 },
      certificateCode: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      certificateNumber: expect.stringMatching(/^TB-\d{4}-\d{8}$/),
      issuedAt: expect.any(String),
      entries: [],
    });
    expect((await record(v.member.id, coordinator.token)).certificateCode).toBe(
      own.certificateCode,
    );
    expect((await record(v.member.id, admin)).certificateCode).toBe(own.certificateCode);

    const path = `/volunteers/${v.member.id}/service-record`;
    expectProblem(await api('GET', path, { token: otherCoordinator.token }), 403, 'FORBIDDEN');
    expectProblem(await api('GET', path, { token: (await volunteer()).token }), 403, 'FORBIDDEN');
    expectProblem(await api('GET', path), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api('GET', `/volunteers/${NOBODY}/service-record`, { token: admin }),
      404,
      'NOT_FOUND',
    );
  });

  it('lets anyone verify a certificate by its code, without signing in; other codes are not found', async () => {
    const v = await volunteer(community.id, { displayName: '王芳' });
    const { certificateCode, certificateNumber, volunteerNumber }: ServiceRecord = await record(
      v.member.id,
      v.token,
    );
    const res = await api('GET', `/certificates/${certificateCode}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      certificateNumber,
      volunteerNumber,
      displayName: '王芳',
      issuingCommunity: { id: community.id, code: community.code, name: community.name },
      totalMinutes: 0,
      totalHours: 0,
      serviceCount: 0,
      firstServedOn: null,
      lastServedOn: null,
      tier: { level: 0, name: 'Community volunteer', nextLevelAtMinutes: 6000 },
      issuedAt: expect.any(String),
      asOf: expect.any(String),
      valid: true,
      service: [],
    });
    const wrong = certificateCode.startsWith('A')
      ? `B${certificateCode.slice(1)}`
      : `A${certificateCode.slice(1)}`;
    expectProblem(await api('GET', `/certificates/${wrong}`), 404, 'NOT_FOUND');
    expectProblem(await api('GET', '/certificates/short'), 404, 'NOT_FOUND');
  });

  it('adds one entry per paid service, however often the ledger announces it', async () => {
    const v = await volunteer(community.id, { displayName: '赵敏' });
    const details = detailsFor(v, 90);
    const posted = serviceTransfer(v.member.id, details, 90, 90);
    const eventId = await publishTransferPosted(posted);
    await publishTransferPosted(posted, eventId); // redelivered
    await publishTransferPosted({ ...posted, transferId: randomUUID() }); // paid twice by mistake
    const seen = await eventually(async () => {
      const r = await record(v.member.id, v.token);
      expect(r.entries).toHaveLength(1);
      return r;
    });
    expect(seen).toMatchObject({
      totalMinutes: 90,
      totalHours: 1.5,
      serviceCount: 1,
      firstServedOn: details.servedOn,
      lastServedOn: details.servedOn,
    });
    expect(seen.entries[0]).toEqual({
      source: 'hours',
      sourceId: details.sourceId,
      description: FREE_TEXT,
      communityId: community.id,
      communityName: community.name,
      servedOn: details.servedOn,
      minutes: 90,
      verifiedBy: coordinator.member.id,
      verifiedByName: coordinator.member.displayName,
      verifiedAt: details.verifiedAt,
      transferId: posted.transferId,
      reversed: false,
      reversedAt: null,
    });
    // A marker event applied after the others: nothing more was added meanwhile.
    const marker = detailsFor(v, 30);
    await publishTransferPosted(serviceTransfer(v.member.id, marker, 120, 30));
    const after = await eventually(async () => {
      const r = await record(v.member.id, v.token);
      expect(r.entries).toHaveLength(2);
      return r;
    });
    expect(after.totalMinutes).toBe(120);
    const cert = await api('GET', `/certificates/${after.certificateCode}`);
    // Newest service first: the marker was served on an earlier day.
    expect(cert.body.service).toEqual([
      {
        servedOn: details.servedOn,
        description: FREE_TEXT,
        communityName: community.name,
        minutes: 90,
      },
      expect.objectContaining({ servedOn: marker.servedOn, minutes: 30 }),
    ]);
  });

  it('keeps a reversed service on the record, marked reversed and out of every total', async () => {
    const v = await volunteer();
    const kept = detailsFor(v, 60);
    const undone = detailsFor(v, 45);
    const paid = serviceTransfer(v.member.id, undone, 105, 45);
    await publishTransferPosted(serviceTransfer(v.member.id, kept, 60, 60));
    await publishTransferPosted(paid);
    await eventually(async () => expect((await record(v.member.id)).entries).toHaveLength(2));
    const reversal = {
      ...serviceTransfer(v.member.id, null, 0, 45),
      kind: 'reversal',
      from: paid.to,
      to: paid.from,
      reversesTransferId: paid.transferId,
    };
    await publishTransferPosted(reversal);
    const after = await eventually(async () => {
      const r = await record(v.member.id);
      expect(r.totalMinutes).toBe(60);
      return r;
    });
    expect(after.serviceCount).toBe(1);
    const entry = after.entries.find((e) => e.sourceId === undone.sourceId);
    expect(entry).toMatchObject({ reversed: true, reversedAt: expect.any(String) });
    const cert = await api('GET', `/certificates/${after.certificateCode}`);
    expect((cert.body as Certificate).service.map((s) => s.minutes)).toEqual([60]);
  });
});

describe('tiers', () => {
  it('lists the national star rating with the entry tier below it, without signing in', async () => {
    const res = await api('GET', '/tiers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { level: 0, name: 'Community volunteer', minMinutes: 0 },
      { level: 1, name: 'One-star volunteer', minMinutes: 6000 },
      { level: 2, name: 'Two-star volunteer', minMinutes: 18000 },
      { level: 3, name: 'Three-star volunteer', minMinutes: 36000 },
      { level: 4, name: 'Four-star volunteer', minMinutes: 60000 },
      { level: 5, name: 'Five-star volunteer', minMinutes: 90000 },
    ]);
  });

  it('announces a tier once, when lifetime earned minutes first reach it', async () => {
    const v = await volunteer();
    await publishTransferPosted(serviceTransfer(v.member.id, detailsFor(v, 600), 5990, 600));
    await publishTransferPosted(serviceTransfer(v.member.id, detailsFor(v, 10), 6000, 10));
    await publishTransferPosted(serviceTransfer(v.member.id, detailsFor(v, 20), 6020, 20));
    const events = await eventually(async () => {
      const r = await record(v.member.id);
      expect(r.entries).toHaveLength(3);
      return outboxEvents('volunteers.tier.reached', 'volunteerId', v.member.id);
    });
    expect(events).toEqual([
      {
        volunteerId: v.member.id,
        level: 1,
        name: 'One-star volunteer',
        lifetimeEarnedMinutes: 6000,
        at: expect.any(String),
      },
    ]);
    expect((await record(v.member.id)).tier).toEqual({
      level: 1,
      name: 'One-star volunteer',
      nextLevelAtMinutes: 18000,
    });
  });
});

describe('community report', () => {
  const path = (id: string, query = '') => `/reports/communities/${id}${query}`;

  it('refuses bad dates and periods that end before they start, naming the field', async () => {
    for (const [query, field] of [
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-03-02&to=2026-03-01', 'from'],
      ['?period=week', 'period'],
    ]) {
      expectProblem(
        await api('GET', path(community.id, query), { token: coordinator.token }),
        400,
        'VALIDATION_FAILED',
        [field],
      );
    }
  });

  it("is for the community's coordinators and admins", async () => {
    expectProblem(
      await api('GET', path(community.id), { token: otherCoordinator.token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('GET', path(community.id), { token: (await volunteer()).token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await api('GET', path(community.id)), 401, 'UNAUTHENTICATED');
    expectProblem(await api('GET', path(NOBODY), { token: admin }), 404, 'NOT_FOUND');
  });

  it('counts verified service in the period, or says which service could not answer', async () => {
    const reportCommunity = await createCommunity(admin, 1);
    const reportCoordinator = await coordinatorOf(admin, reportCommunity.id);
    const a = await volunteer(reportCommunity.id);
    const b = await volunteer(reportCommunity.id);
    const inPeriod = (v: SignedIn, minutes: number, servedOn: string) => ({
      ...detailsFor(v, minutes, servedOn),
      communityId: reportCommunity.id,
    });
    await publishTransferPosted(serviceTransfer(a.member.id, inPeriod(a, 60, '2026-01-10'), 60));
    await publishTransferPosted(serviceTransfer(a.member.id, inPeriod(a, 30, '2026-01-20'), 90));
    await publishTransferPosted(serviceTransfer(b.member.id, inPeriod(b, 45, '2026-01-31'), 45));
    await publishTransferPosted(serviceTransfer(b.member.id, inPeriod(b, 500, '2026-02-01'), 545));
    await eventually(async () => expect((await record(b.member.id)).entries).toHaveLength(2));

    const res = await api('GET', path(reportCommunity.id, '?from=2026-01-01&to=2026-01-31'), {
      token: reportCoordinator.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      communityId: reportCommunity.id,
      from: '2026-01-01',
      to: '2026-01-31',
      minutesServed: 135,
      requestsPosted: 0,
      requestsConfirmed: 0,
      medianMinutesToAccept: null,
      activeVolunteers: 2,
      vouchersRedeemed: 0,
    });
  });
});

describe('tiers from TIER_THRESHOLDS_HOURS, and the whole way from approval to tier (own suite)', () => {
  let suite: TestSuite;
  let suiteDb: Client;
  let suiteAdmin: string;
  let home: Community;
  let reviewer: SignedIn;

  beforeAll(async () => {
    suite = await startPrivateSuite({
      label: 'tiers',
      env: { TIER_THRESHOLDS_HOURS: '1,2,3,4,5' },
    });
    suiteDb = new Client({ connectionString: suite.databaseUrl });
    await suiteDb.connect();
    suiteAdmin = await adminToken(suite.api);
    home = await createCommunity(suiteAdmin, 1, suite.api);
    reviewer = await coordinatorOf(suiteAdmin, home.id, suite.api);
    const allocation = await suite.api('POST', `/communities/${home.id}/fund/allocations`, {
      token: suiteAdmin,
      body: { minutes: 100_000 },
    });
    expect(allocation.status).toBe(201);
  }, SUITE_START_MS);

  afterAll(async () => {
    await suiteDb?.end();
    await suite?.stop();
  });

  async function tiersReached(volunteerId: string): Promise<Array<Record<string, unknown>>> {
    const { rows } = await suiteDb.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM volunteers.outbox
        WHERE subject = 'volunteers.tier.reached' AND payload->>'volunteerId' = $1 ORDER BY seq`,
      [volunteerId],
    );
    return rows.map((r) => r.payload);
  }

  it('lists the configured thresholds', async () => {
    const res = await suite.api('GET', '/tiers');
    expect(res.status).toBe(200);
    expect((res.body as Array<{ minMinutes: number }>).map((t) => t.minMinutes)).toEqual([
      0, 60, 120, 180, 240, 300,
    ]);
  });

  it('announces the highest tier a credit reaches, once, even when it skips one', async () => {
    const v = await register(home.id, { roles: ['volunteer'] }, suite.api);
    const details = { ...detailsFor(v, 130), communityId: home.id, verifiedBy: reviewer.member.id };
    const posted = serviceTransfer(v.member.id, details, 130, 130);
    await publishTransferPosted(posted, randomUUID(), suite.prefix);
    const events = await eventually(async () => {
      const found = await tiersReached(v.member.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(events[0]).toMatchObject({
      level: 2,
      name: 'Two-star volunteer',
      lifetimeEarnedMinutes: 130,
    });
    await publishTransferPosted(
      serviceTransfer(v.member.id, { ...details, sourceId: randomUUID() }, 150, 20),
      randomUUID(),
      suite.prefix,
    );
    const record = await eventually(async () => {
      const res = await suite.api<ServiceRecord>(
        'GET',
        `/volunteers/${v.member.id}/service-record`,
        {
          token: v.token,
        },
      );
      expect(res.body.entries).toHaveLength(2);
      return res.body;
    });
    expect(record.tier).toEqual({ level: 2, name: 'Two-star volunteer', nextLevelAtMinutes: 180 });
    expect(await tiersReached(v.member.id)).toHaveLength(1);
  });

  // Through the real ledger: accounting pays volunteers.hours.verified and sends the details back.
  it('pays approved hours from the fund; the record and the tier follow', async () => {
    const v = await register(home.id, { roles: ['volunteer'] }, suite.api);
    const log = await suite.api<HourLog>('POST', '/hours', {
      token: v.token,
      body: { minutes: 75, servedOn: day(-1), description: FREE_TEXT },
    });
    expect(log.status).toBe(201);
    const fundBefore = await suite.api('GET', `/communities/${home.id}/fund`, {
      token: suiteAdmin,
    });
    const approved = await suite.api('POST', `/hours/${log.body.id}/approve`, {
      token: reviewer.token,
    });
    expect(approved.status).toBe(200);
    const record = await eventually(async () => {
      const res = await suite.api<ServiceRecord>(
        'GET',
        `/volunteers/${v.member.id}/service-record`,
        {
          token: v.token,
        },
      );
      expect(res.body.entries).toHaveLength(1);
      return res.body;
    });
    expect(record).toMatchObject({
      totalMinutes: 75,
      tier: { level: 1, name: 'One-star volunteer' },
      entries: [
        expect.objectContaining({
          source: 'hours',
          sourceId: log.body.id,
          description: FREE_TEXT,
          minutes: 75,
          verifiedBy: reviewer.member.id,
        }),
      ],
    });
    const account = await suite.api('GET', '/accounts/me', { token: v.token });
    expect(account.body).toMatchObject({ balanceMinutes: 75, lifetimeEarnedMinutes: 75 });
    const fundAfter = await suite.api('GET', `/communities/${home.id}/fund`, { token: suiteAdmin });
    expect(fundAfter.body.balanceMinutes).toBe(fundBefore.body.balanceMinutes - 75);
    expect(await tiersReached(v.member.id)).toEqual([
      expect.objectContaining({ level: 1, lifetimeEarnedMinutes: 75 }),
    ]);
    const check = await suite.api('GET', '/ledger/check', { token: suiteAdmin });
    expect(check.body).toMatchObject({ balanced: true, violations: [] });
  });
});
