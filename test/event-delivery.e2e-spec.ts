import { consumersOfStream, RequestsEvents, VolunteersEvents } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { connect, JetStreamManager, JSONCodec, NatsConnection } from 'nats';
import { Client } from 'pg';
import {
  adminToken,
  completedRequest,
  createCommunity,
  neighbours,
  register,
  SignedIn,
} from './support/fixtures';
import { ok } from './support/http';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { until } from './support/wait';

/**
 * Issue 12: an event's effect commits with its inbox row, so a consumer that
 * dies between that commit and the ack applies nothing twice when the event
 * comes back; an event waits in its stream for a consumer that is down; and a
 * hold whose row never appeared is voided once its owner says so.
 */
let suite: TestSuite;
let nats: NatsConnection;
let jsm: JetStreamManager;
let db: Client;
let admin: string;
const crashes: string[] = [];
const accountingLines: string[] = [];

// The consumer's ack wait (5 s) passes before an event a dead consumer held is delivered again;
// the restarted ledger's start on a busy machine is most of this bound.
const REDELIVERY_MS = 90_000;
const ACK_WAIT_NANOS = 5e9;

beforeAll(async () => {
  suite = await startPrivateSuite({
    label: 'event-delivery',
    env: {
      HOLD_OWNER_GRACE_MS: '3000',
      HOLD_OWNER_SWEEP_INTERVAL_MS: '500',
    },
    // The ledger only: the volunteers service consumes the same event (notifications).
    serviceEnv: { accounting: { EVENT_FAULT_EXIT_BEFORE_ACK: RequestsEvents.hoursVerified.type } },
    restart: { firstDelayMs: 200, onCrash: (exit) => crashes.push(exit.service) },
    onLine: (line, service) => {
      if (service === 'accounting') accountingLines.push(line);
    },
  });
  admin = await adminToken(suite.api);
  nats = await connect({ servers: suite.natsUrl });
  jsm = await nats.jetstreamManager();
  db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
}, SUITE_START_MS);

afterAll(async () => {
  await db?.end();
  await nats?.close();
  await suite?.stop();
});

/** A resident with credits, a volunteer, and a request of the resident the volunteer completed. */
async function readyToConfirm(minutes: number) {
  const cast = await neighbours(admin, {}, suite.api);
  return { ...cast, id: await completedRequest(cast, minutes, suite.api) };
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>(sql, params);
  return Number(rows[0].n);
}

async function account(member: SignedIn) {
  const res = await suite.api('GET', '/accounts/me', { token: member.token });
  return res.body as { balanceMinutes: number; lifetimeEarnedMinutes: number };
}

describe('an event is applied once, by its inbox', () => {
  it('pays a confirmation once when the ledger dies between its commit and its ack', async () => {
    const minutes = 45;
    const { id, resident, volunteer } = await readyToConfirm(minutes);
    ok(
      await suite.api('POST', `/requests/${id}/confirm`, {
        token: resident.token,
        body: { rating: 5 },
      }),
      200,
      'confirm',
    );
    // The fault point: accounting commits the payment, then exits before acking.
    await until(
      'accounting crashed after the commit',
      async () => crashes,
      (c) => c.length > 0,
    );
    expect(crashes).toEqual(['accounting']);
    const durable = `${suite.prefix}_accounting_${RequestsEvents.hoursVerified.type}`.replace(
      /[^A-Za-z0-9_-]/g,
      '_',
    );
    // Given back within seconds of the crash, not NATS's usual 30 s.
    const held = await jsm.consumers.info(`${suite.prefix}_requests_events`, durable);
    expect(held.config).toMatchObject({ ack_wait: ACK_WAIT_NANOS, max_deliver: 10 });
    expect(held.config.backoff?.[0]).toBe(ACK_WAIT_NANOS);
    // Delivered again once the restarted ledger is up: the inbox refuses it before any handler.
    await until(
      'the redelivery refused by the inbox',
      async () => accountingLines.filter((l) => l.includes(`${durable}: event`)),
      (lines) => lines.some((l) => l.includes('refused by the inbox')),
      REDELIVERY_MS,
    );
    const paid = await until(
      'the volunteer paid',
      () => account(volunteer),
      (a) => a.balanceMinutes === minutes,
    );
    expect(paid).toMatchObject({ balanceMinutes: minutes, lifetimeEarnedMinutes: minutes });
    expect(
      await count(
        `SELECT count(*) AS n FROM accounting.transfers
          WHERE reference = $1 AND kind = 'service'`,
        [`request:${id}`],
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM accounting.inbox WHERE consumer = $1`, [durable]),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM accounting.dead_letters', [])).toBe(0);
    const check = await suite.api('GET', '/ledger/check', { token: admin });
    expect(check.body).toMatchObject({ balanced: true, violations: [] });
  }, 180_000);
});

describe('streams keep an event until every consumer has it', () => {
  it('holds a member announced while a consumer is down, and lets it go once acked', async () => {
    const stream = `${suite.prefix}_volunteers_events`;
    // Every durable of the catalogue is there, whoever started first.
    const durables: string[] = [];
    for await (const c of jsm.consumers.list(stream)) durables.push(c.name);
    expect(durables.sort()).toEqual(
      consumersOfStream('volunteers')
        .map(({ consumer, type }) =>
          `${suite.prefix}_${consumer}_${type}`.replace(/[^A-Za-z0-9_-]/g, '_'),
        )
        .sort(),
    );
    const requestsDurable =
      `${suite.prefix}_requests_${VolunteersEvents.memberCreated.type}`.replace(
        /[^A-Za-z0-9_-]/g,
        '_',
      );
    await suite.stopService('requests');
    const community = await createCommunity(admin, 1, suite.api);
    await register(community.id, {}, suite.api);
    await until(
      'the member waits for the requests service',
      () => jsm.consumers.info(stream, requestsDurable),
      (info) => info.num_pending > 0,
    );
    expect((await jsm.streams.info(stream)).state.messages).toBeGreaterThan(0);
    await suite.startService('requests');
    await until(
      'every consumer took every event',
      () => jsm.streams.info(stream),
      (info) => info.state.messages === 0,
    );
    const info = await jsm.consumers.info(stream, requestsDurable);
    expect(info).toMatchObject({ num_pending: 0, num_ack_pending: 0 });
  }, 180_000);
});

describe('a hold whose row never appeared', () => {
  const codec = JSONCodec<{ response?: { holdId: string }; err?: unknown }>();

  /** Over NATS, as the requests service takes a request's hold before storing the request. */
  async function holdFor(key: string, member: SignedIn, minutes: number): Promise<string> {
    const reply = await nats.request(
      `${suite.prefix}.accounting.hold.create`,
      codec.encode({
        pattern: 'accounting.hold.create',
        id: randomUUID(),
        data: {
          requestId: 'e2e',
          actor: null,
          data: {
            idempotencyKey: key,
            kind: 'service',
            from: { type: 'member', id: member.member.id },
            minutes,
          },
        },
      } as never),
      { timeout: 10_000 },
    );
    const answer = codec.decode(reply.data);
    if (!answer.response) throw new Error(`hold refused: ${JSON.stringify(answer.err)}`);
    return answer.response.holdId;
  }

  async function holdRow(id: string) {
    const { rows } = await db.query<{
      status: string;
      voided_because: string | null;
      owner_confirmed_at: Date | null;
    }>('SELECT status, voided_because, owner_confirmed_at FROM accounting.holds WHERE id = $1', [
      id,
    ]);
    return rows[0];
  }

  it('is voided after the grace when its owner has no such row; a stored one is confirmed', async () => {
    const { resident } = await neighbours(admin, { credits: 300, fund: 1000 }, suite.api);
    const orphan = await holdFor(`request:${randomUUID()}:hold`, resident, 40);
    const posted = ok(
      await suite.api('POST', '/requests', {
        token: resident.token,
        body: {
          title: 'Groceries',
          description: 'Carry the groceries upstairs',
          category: 'escort',
          windowStart: new Date(Date.now() + 3600_000).toISOString(),
          windowEnd: new Date(Date.now() + 7200_000).toISOString(),
          estimatedMinutes: 60,
        },
      }),
      201,
      'post request',
    );
    const stored = await until(
      'the stored request has its hold',
      () =>
        db.query<{ hold_id: string }>('SELECT hold_id FROM requests.help_requests WHERE id = $1', [
          posted.id,
        ]),
      (r) => r.rows.length === 1,
    );
    const kept = stored.rows[0].hold_id;

    expect(
      await until(
        'the orphan voided',
        () => holdRow(orphan),
        (h) => h.status !== 'open',
      ),
    ).toMatchObject({ status: 'voided', voided_because: 'owner-absent' });
    expect(
      await until(
        "the request's hold confirmed",
        () => holdRow(kept),
        (h) => !!h.owner_confirmed_at,
      ),
    ).toMatchObject({ status: 'open', voided_because: null });
    // The orphan's minutes are free again; the request's are still held.
    expect(await account(resident)).toMatchObject({ balanceMinutes: 300 });
    const me = await suite.api('GET', '/accounts/me', { token: resident.token });
    expect(me.body).toMatchObject({ heldMinutes: 60 });
    // Its event says why.
    const voided = await db.query<{ reason: string }>(
      `SELECT payload->>'voidedBecause' AS reason FROM accounting.outbox
        WHERE subject = 'accounting.hold.voided' AND payload->>'holdId' = $1`,
      [orphan],
    );
    expect(voided.rows).toEqual([{ reason: 'owner-absent' }]);
  }, 120_000);
});
