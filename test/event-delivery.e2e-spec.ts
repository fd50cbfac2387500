import { consumersOfStream, RequestsEvents, VolunteersEvents } from '@app/contracts';
import { connect, JetStreamManager, NatsConnection } from 'nats';
import { Client } from 'pg';
import { adminToken, coordinatorOf, createCommunity, register, SignedIn } from './support/fixtures';
import { ApiResponse } from './support/http';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { until } from './support/wait';

/**
 * Issue 12: an event's effect commits with its inbox row, so a consumer that
 * dies between that commit and the ack applies nothing twice when the event
 * comes back; and an event waits in its stream for a consumer that is down.
 */
let suite: TestSuite;
let nats: NatsConnection;
let jsm: JetStreamManager;
let db: Client;
let admin: string;
const crashes: string[] = [];
const accountingLines: string[] = [];

// The consumer's ack wait (30 s) passes before an event a dead consumer held is delivered again.
const REDELIVERY_MS = 90_000;

beforeAll(async () => {
  suite = await startPrivateSuite({
    label: 'event-delivery',
    env: { EVENT_FAULT_EXIT_BEFORE_ACK: RequestsEvents.hoursVerified },
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

function ok(res: ApiResponse, status: number, what: string): ApiResponse {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** A resident with credits, a volunteer, and a request of the resident the volunteer completed. */
async function completedRequest(minutes: number) {
  const community = await createCommunity(admin, 1, suite.api);
  const coordinator = await coordinatorOf(admin, community.id, suite.api);
  const resident = await register(community.id, {}, suite.api);
  const volunteer = await register(community.id, { roles: ['volunteer'] }, suite.api);
  ok(
    await suite.api('POST', `/communities/${community.id}/fund/allocations`, {
      token: admin,
      body: { minutes: 10_000 },
    }),
    201,
    'allocation',
  );
  ok(
    await suite.api('POST', `/members/${resident.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: 600, reason: 'drill' },
    }),
    201,
    'adjustment',
  );
  const posted = ok(
    await suite.api('POST', '/requests', {
      token: resident.token,
      body: {
        title: 'Escort to the clinic',
        description: 'Escort to the clinic and back',
        category: 'escort',
        windowStart: new Date(Date.now() + 3600_000).toISOString(),
        windowEnd: new Date(Date.now() + 7200_000).toISOString(),
        estimatedMinutes: 60,
      },
    }),
    201,
    'post request',
  );
  const id = posted.body.id as string;
  ok(await suite.api('POST', `/requests/${id}/accept`, { token: volunteer.token }), 200, 'accept');
  ok(
    await suite.api('POST', `/requests/${id}/complete`, {
      token: volunteer.token,
      body: { minutes },
    }),
    200,
    'complete',
  );
  return { id, resident, volunteer };
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
    const { id, resident, volunteer } = await completedRequest(minutes);
    ok(
      await suite.api('POST', `/requests/${id}/confirm`, {
        token: resident.token,
        body: { rating: 5 },
      }),
      200,
      'confirm',
    );
    // The fault point: accounting commits the payment, then exits before acking.
    await until('accounting crashed after the commit', async () => crashes, (c) => c.length > 0);
    expect(crashes).toEqual(['accounting']);
    const durable = `${suite.prefix}_accounting_${RequestsEvents.hoursVerified}`.replace(
      /[^A-Za-z0-9_-]/g,
      '_',
    );
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
    const requestsDurable = `${suite.prefix}_requests_${VolunteersEvents.memberCreated}`.replace(
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
