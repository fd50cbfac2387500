/**
 * The suite on a NATS cluster of three JetStream nodes of its own, every event
 * stream and its consumers kept on all three (NATS_STREAM_REPLICAS=3). While
 * residents keep reading, giving and confirming, the node leading the stream
 * the confirmations go through is SIGKILLed, and later started again. Each
 * time: every confirmation is credited and recorded once, every gift is on
 * the ledger once, and once the clients have moved to the nodes left (the
 * reconnect window) nobody is answered 5xx. The figures (5xx in the window,
 * how long the clients took to reconnect, the leader election, the longest a
 * confirmation waited for its credit) are printed.
 */
import { BackendService, EVENTS_BY_PRODUCER } from '@app/contracts';
import { EventStreams, JetStreamConnection } from '@app/common';
import { Logger } from '@nestjs/common';
import { connect, NatsConnection, StreamInfo } from 'nats';
import { Client } from 'pg';
import { adminToken, completedRequest, Neighbours, neighbours, unique } from './support/fixtures';
import { ApiResponse, ok } from './support/http';
import { NatsCluster, startNatsCluster } from './support/nats-cluster';
import { randomSuffix, startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { eventually, pause, until } from './support/wait';

/**
 * From the kill until every client is served again: clients on the dead node
 * reconnect to another, a call lost with it waits out SERVICE_TIMEOUT_MS (5 s,
 * then 504), and JetStream elects new leaders for what the node led.
 */
const RECONNECT_WINDOW_MS = 15_000;
/** How long the load goes on after the window, to show it is served. */
const AFTER_WINDOW_MS = 5000;
const CONFIRMATIONS_PER_DRILL = 12;
const MINUTES = 5;
const DRILL_TEST_MS = 240_000;
/** This test's own NATS connections are named so, to be told from the suite's. */
const SPEC_CLIENT = 'nats-cluster-spec';
/** The launcher's probe connection, in this process too: it connects again only when next used. */
const LAUNCHER_CLIENT = 'timebank-launcher';

const PRODUCERS = (Object.keys(EVENTS_BY_PRODUCER) as BackendService[]).filter(
  (producer) => EVENTS_BY_PRODUCER[producer].length > 0,
);

let cluster: NatsCluster;
let suite: TestSuite;
let streams: EventStreams;
let admin: string;
let cast: Neighbours;
/** Every request confirmed so far, and every gift given: what the ledger must hold, once each. */
const confirmed: string[] = [];
let giftsGiven = 0;

beforeAll(async () => {
  Logger.overrideLogger(false); // EventStreams below, in this process: its lines are the suite's business
  cluster = await startNatsCluster(3);
  const prefix = `tbtest_${randomSuffix()}`;
  // The requests stream made as a single server made it: the suite brings it to three.
  const jetstream = new JetStreamConnection(cluster.natsUrl.split(','), SPEC_CLIENT);
  await jetstream.open();
  try {
    streams = new EventStreams(
      jetstream,
      prefix,
      EventStreams.settingsFrom({ EVENT_MAX_AGE_DAYS: 30, NATS_STREAM_REPLICAS: 1 }),
    );
    await streams.ensure('requests');
  } finally {
    await jetstream.close();
  }
  suite = await startPrivateSuite({
    label: 'nats-cluster',
    env: {
      NATS_URL: cluster.natsUrl,
      NATS_SUBJECT_PREFIX: prefix,
      NATS_STREAM_REPLICAS: '3',
      // The resident gives about 1,200 minutes a minute at a time over the two drills.
      GIFT_MAX_MINUTES_PER_DAY: '100000',
    },
  });
  admin = await adminToken(suite.api);
  cast = await neighbours(admin, { credits: 5000, fund: 20_000 }, suite.api);
}, SUITE_START_MS);

afterAll(async () => {
  await suite?.stop();
  await cluster?.stop();
});

/** A connection to the given nodes, closed after `use`. */
async function withNats<T>(servers: string[], use: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await connect({ servers, maxReconnectAttempts: -1, name: SPEC_CLIENT });
  try {
    return await use(nc);
  } finally {
    await nc.close();
  }
}

async function streamInfo(nc: NatsConnection, producer: BackendService): Promise<StreamInfo> {
  return (await nc.jetstreamManager({ timeout: 1000 })).streams.info(streams.streamOf(producer));
}

/** Every node holds the stream and each of its consumers (a leader and two current replicas). */
async function expectOnEveryNode(nc: NatsConnection, producer: BackendService): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const stream = streams.streamOf(producer);
  const info = await jsm.streams.info(stream);
  expect(info.config.num_replicas).toBe(3);
  const nodesOf = (placement?: StreamInfo['cluster']) =>
    [placement?.leader, ...(placement?.replicas ?? []).filter((r) => r.current).map((r) => r.name)]
      .filter(Boolean)
      .sort();
  const everyNode = cluster.nodes.map((node) => node.name).sort();
  expect({ stream, nodes: nodesOf(info.cluster) }).toEqual({ stream, nodes: everyNode });
  for await (const consumer of jsm.consumers.list(stream)) {
    expect({ consumer: consumer.name, nodes: nodesOf(consumer.cluster) }).toEqual({
      consumer: consumer.name,
      nodes: everyNode,
    });
  }
}

interface Answer {
  /** When the call was made, in ms since the epoch. */
  at: number;
  status: number;
}

interface Gift {
  key: string;
  status: number;
}

interface Load {
  answers: Answer[];
  gifts: Gift[];
  /** Each confirmation made: when, with its Idempotency-Key, and its first answer. */
  confirmations: Array<{ requestId: string; key: string; at: number; status: number }>;
  /** When the node was killed or started. */
  disruptedAt: number;
}

function give(key: string): Promise<ApiResponse> {
  return suite.api('POST', '/transfers', {
    token: cast.resident.token,
    headers: { 'idempotency-key': key },
    body: { toMemberId: cast.volunteer.member.id, minutes: 1 },
  });
}

function confirm(requestId: string, key: string): Promise<ApiResponse> {
  return suite.api('POST', `/requests/${requestId}/confirm`, {
    token: cast.resident.token,
    headers: { 'idempotency-key': key },
    body: { rating: 5 },
  });
}

/**
 * The resident keeps reading the account and giving a minute at a time (each
 * gift with its own Idempotency-Key) and confirms completed requests one by
 * one, from a second before `disrupt` until the window and a little more have passed.
 */
async function underLoad(disrupt: () => Promise<void>): Promise<Load> {
  const requestIds: string[] = [];
  for (let i = 0; i < CONFIRMATIONS_PER_DRILL; i++) {
    requestIds.push(await completedRequest(cast, MINUTES, suite.api));
  }
  const load: Load = { answers: [], gifts: [], confirmations: [], disruptedAt: 0 };
  let asking = true;
  const timed = async (call: () => Promise<ApiResponse>) => {
    const at = Date.now();
    const answer = await call();
    load.answers.push({ at, status: answer.status });
    return answer;
  };
  const reader = async () => {
    while (asking) {
      await timed(() => suite.api('GET', '/accounts/me', { token: cast.resident.token }));
      await pause(20);
    }
  };
  const giver = async () => {
    while (asking) {
      const key = unique('gift');
      load.gifts.push({ key, status: (await timed(() => give(key))).status });
      await pause(50);
    }
  };
  const drillMs = 1000 + RECONNECT_WINDOW_MS + AFTER_WINDOW_MS;
  const confirmer = async () => {
    for (const requestId of requestIds) {
      const key = unique('confirm');
      const at = Date.now();
      const { status } = await timed(() => confirm(requestId, key));
      load.confirmations.push({ requestId, key, at, status });
      await pause(drillMs / CONFIRMATIONS_PER_DRILL);
    }
  };
  const clients = [reader(), giver(), giver(), confirmer()];
  await pause(1000);
  load.disruptedAt = Date.now();
  await disrupt();
  await pause(load.disruptedAt + RECONNECT_WINDOW_MS + AFTER_WINDOW_MS - Date.now());
  asking = false;
  await Promise.all(clients);
  return load;
}

/** The 5xx answers to calls made within the window, and the calls made after it. */
function split({ answers, disruptedAt }: Load) {
  const windowEnd = disruptedAt + RECONNECT_WINDOW_MS;
  const within = answers.filter((a) => a.at < windowEnd);
  const after = answers.filter((a) => a.at >= windowEnd);
  return { fiveXxWithin: within.filter((a) => a.status >= 500), after };
}

/** Served, or refused as unavailable (503) or timed out (504) within the window; only served after it. */
function expectNo5xxAfterTheWindow(load: Load): Answer[] {
  const { fiveXxWithin, after } = split(load);
  const statuses = new Set(load.answers.map((a) => a.status));
  expect([...statuses].filter((s) => ![200, 201, 503, 504].includes(s))).toEqual([]);
  expect(after.length).toBeGreaterThan(0);
  expect(after.filter((a) => a.status >= 500)).toEqual([]);
  return fiveXxWithin;
}

/**
 * A client's retry of what was refused, with the same key, until served; then
 * every minute given and every request confirmed is on the ledger exactly
 * once, and every confirmation in the volunteer's service record once.
 * Returns the longest a confirmation of the drill waited to be credited.
 */
async function expectNothingLostOrDoubled(load: Load): Promise<number> {
  for (const gift of load.gifts.filter((g) => g.status !== 201)) {
    await eventually(async () => ok<unknown>(await give(gift.key), 201, 'the gift asked again'));
  }
  for (const { requestId, key, status } of load.confirmations) {
    if (status !== 200) {
      await eventually(async () =>
        ok<unknown>(await confirm(requestId, key), 200, 'the confirmation asked again'),
      );
    }
    confirmed.push(requestId);
  }
  giftsGiven += load.gifts.length;

  let waitedMs = NaN;
  const db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
  try {
    const references = confirmed.map((id) => `request:${id}`);
    const credited = await until(
      'each confirmation credited',
      async () =>
        (
          await db.query<{ reference: string; n: string; credited_at: Date }>(
            `SELECT reference, count(*) AS n, min(created_at) AS credited_at FROM accounting.transfers
              WHERE kind = 'service' AND reference = ANY($1) GROUP BY reference`,
            [references],
          )
        ).rows,
      (rows) => rows.length === confirmed.length,
    );
    expect(credited.filter((row) => row.n !== '1')).toEqual([]);
    const creditedAt = new Map(credited.map((row) => [row.reference, row.credited_at.getTime()]));
    waitedMs = Math.max(
      ...load.confirmations.map(
        ({ requestId, at }) => creditedAt.get(`request:${requestId}`)! - at,
      ),
    );
    const recorded = await until(
      'each confirmation in the service record',
      async () =>
        (
          await db.query<{ source_id: string; n: string }>(
            `SELECT source_id, count(*) AS n FROM volunteers.service_entries
              WHERE source = 'request' AND source_id = ANY($1) GROUP BY source_id`,
            [confirmed],
          )
        ).rows,
      (rows) => rows.length === confirmed.length,
    );
    expect(recorded.filter((row) => row.n !== '1')).toEqual([]);
  } finally {
    await db.end();
  }
  const volunteer = ok<{ balanceMinutes: number; lifetimeEarnedMinutes: number }>(
    await suite.api('GET', '/accounts/me', { token: cast.volunteer.token }),
    200,
    'the volunteer account',
  );
  expect(volunteer).toMatchObject({
    balanceMinutes: giftsGiven + confirmed.length * MINUTES,
    lifetimeEarnedMinutes: confirmed.length * MINUTES,
  });
  const check = ok(await suite.api('GET', '/ledger/check', { token: admin }), 200, 'ledger');
  expect(check).toMatchObject({ balanced: true, violations: [] });
  return waitedMs;
}

/** The client connections of the suite's services on every node up. */
async function suiteClients(): Promise<string[]> {
  const names = (await Promise.all(cluster.nodes.map((node) => node.clients()))).flat();
  return names.filter(isServices);
}

function isServices(name: string): boolean {
  return !name.startsWith(SPEC_CLIENT) && name !== LAUNCHER_CLIENT;
}

/** The names in `before` that `now` lacks, as many times as it lacks them. */
function missing(before: string[], now: string[]): string[] {
  const left = [...now];
  return before.filter((name) => {
    const i = left.indexOf(name);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** How long after `killedAt` the nodes left name a new leader of the requests stream (watched as the load goes on). */
function newLeaderIn(victim: string, killedAt: number): Promise<number> {
  return withNats(cluster.serversBut(victim), async (nc) => {
    await until(
      'a new leader of the requests stream',
      () => streamInfo(nc, 'requests').catch(() => null),
      (info) => Boolean(info?.cluster?.leader) && info!.cluster!.leader !== victim,
    );
    return Date.now() - killedAt;
  });
}

function report(what: string, load: Load, figures: string[]): void {
  const { fiveXxWithin, after } = split(load);
  const byStatus = new Map<number, number>();
  for (const { status } of fiveXxWithin) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  const last = fiveXxWithin.reduce((latest, a) => Math.max(latest, a.at), load.disruptedAt);
  process.stdout.write(
    `nats cluster, ${what}: ${load.answers.length} calls, ${load.gifts.length} gifts, ` +
      `${load.confirmations.length} confirmations; 5xx within the window: ${fiveXxWithin.length} ` +
      `(${[...byStatus].map(([s, n]) => `${s}: ${n}`).join(', ') || 'none'}), the last made ` +
      `${last - load.disruptedAt} ms after; after the window: ${after.length} calls, no 5xx; ` +
      `${figures.join('; ')}\n`,
  );
}

describe('a NATS cluster of three JetStream nodes', () => {
  let victim: string;

  it('keeps every event stream and its consumers on all three nodes, one made on one node brought to three', async () => {
    await withNats(cluster.natsUrl.split(','), async (nc) => {
      // A replica made a moment ago may still be catching up (not yet current).
      for (const producer of PRODUCERS) await eventually(() => expectOnEveryNode(nc, producer));
    });
  });

  it(
    'loses and doubles nothing when the node leading the confirmations is killed, and answers no 5xx after the reconnect window',
    async () => {
      victim = await withNats(cluster.natsUrl.split(','), async (nc) => {
        const { cluster: placement } = await streamInfo(nc, 'requests');
        return placement!.leader!;
      });
      let election: Promise<number> = Promise.resolve(NaN);
      let reconnection: Promise<number> = Promise.resolve(NaN);
      let moved: string[] = [];
      const load = await underLoad(async () => {
        const clients = await suiteClients();
        moved = (await cluster.node(victim).clients()).filter(isServices);
        await cluster.node(victim).kill();
        const killedAt = Date.now();
        election = newLeaderIn(victim, killedAt);
        reconnection = until(
          "the suite's clients connected again, but for",
          async () => missing(clients, await suiteClients()),
          (left) => left.length === 0,
        ).then(() => Date.now() - killedAt);
      });
      const [electedInMs, reconnectedInMs] = await Promise.all([election, reconnection]);
      expectNo5xxAfterTheWindow(load);
      const waitedMs = await expectNothingLostOrDoubled(load);
      report(`node ${victim} (the requests stream's leader) killed`, load, [
        `new leader of the requests stream in ${electedInMs} ms`,
        `its ${moved.length} client connections (${moved.join(', ') || 'none'}) connected to the others in ${reconnectedInMs} ms`,
        `a confirmation credited at most ${waitedMs} ms after it was made`,
      ]);
    },
    DRILL_TEST_MS,
  );

  it(
    'loses and doubles nothing when the node comes back, and the node catches up on every stream',
    async () => {
      let caughtUpInMs = NaN;
      const load = await underLoad(async () => {
        const startedAt = Date.now();
        await cluster.node(victim).start();
        caughtUpInMs = Date.now() - startedAt;
      });
      expectNo5xxAfterTheWindow(load);
      const waitedMs = await expectNothingLostOrDoubled(load);
      await withNats(cluster.natsUrl.split(','), async (nc) => {
        for (const producer of PRODUCERS) {
          await eventually(() => expectOnEveryNode(nc, producer));
        }
      });
      report(`node ${victim} started again`, load, [
        `back in its cluster in ${caughtUpInMs} ms`,
        `a confirmation credited at most ${waitedMs} ms after it was made`,
      ]);
    },
    DRILL_TEST_MS,
  );
});
