import { Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BaseConfig } from '../config/service-config';
import { createLogger } from '../logging/logger';
import { DomainError } from '../errors/domain-error';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { ErrorCode } from '../errors/error-code';
import {
  consumersOfStream,
  EVENTS_BY_PRODUCER,
  EventType,
  RewardsEvents,
  VolunteersEvents,
} from '@app/contracts';
import { RetentionPolicy, StorageType } from 'nats';
import { DomainEvent } from './event';
import { EventConsumers } from './event-consumers';
import { EventStreams } from './event-streams';
import { EventTablesJanitor } from './event-tables-janitor';
import { eventTablesMigration } from './event-tables.migration';
import { JetStreamConnection } from './jetstream.connection';
import { Outbox, outboxEntry } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { outboxTraceContextMigration } from './outbox-trace-context.migration';
import { outboxListenerReconnects } from '../metrics/suite-metrics';
import { startTracing, tracer, Tracing } from '../tracing/tracing';

// Against the real PostgreSQL and NATS: the outbox, relay, consumers and inbox together.
const prefix = `tbtest_ev${randomBytes(4).toString('hex')}`;
const schema = 'evtest';
// Three of the catalogue's events, all consumed by accounting: one applied, one failing, one refused.
// The machinery is under test, not the payloads: these carry small test records.
const TYPES = [
  RewardsEvents.merchantCreated,
  RewardsEvents.voucherRedeemed,
  RewardsEvents.voucherClosed,
] as ReadonlyArray<EventType<unknown>> as ReadonlyArray<EventType<Record<string, number>>>;

type FakeTimersConfig = Extract<
  NonNullable<Parameters<typeof jest.useFakeTimers>[0]>,
  { doNotFake?: unknown }
>;
/** Every timer API but setInterval (and clearInterval) stays real under jest's fake timers. */
const REAL_BUT_SET_INTERVAL: FakeTimersConfig['doNotFake'] = [
  'Date',
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setTimeout',
  'clearTimeout',
];

let database: TestDatabase;
let dataSource: DataSource;
let jetstream: JetStreamConnection;
let streams: EventStreams;
let outbox: Outbox;
let relay: OutboxRelay;
let consumers: EventConsumers;
let tracing: Tracing;
const applied: string[] = [];
/** The trace each applied event was handled in, by event id. */
const tracesApplied = new Map<string, string | undefined>();
let failures = 0;
let refusals = 0;
/** Events of the concurrent consumer being applied now, and the most seen at once. */
let atOnce = 0;
let mostAtOnce = 0;
/** Events the filtered consumer's handler was given. */
const handedOn: string[] = [];

async function until(condition: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  Logger.overrideLogger(false); // the failures below are on purpose
  tracing = startTracing('events-spec', new BaseConfig(), createLogger('events-spec', 'silent'));
  database = await createTestDatabase();
  dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    schema,
    migrations: [
      eventTablesMigration(schema, 1764200000000),
      outboxTraceContextMigration(schema, 1764800000000),
    ],
  });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA ${schema}`);
  await dataSource.runMigrations();
  await dataSource.query(`CREATE TABLE ${schema}.effects (event_id uuid NOT NULL)`);

  jetstream = new JetStreamConnection(['nats://127.0.0.1:4222'], 'events-spec');
  await jetstream.open();
  streams = new EventStreams(jetstream, prefix, {
    maxAgeMs: 24 * 3600_000,
    maxDeliver: 3,
    ackWaitMs: 2000,
    redeliveryBackoffMs: [2000],
    replicas: 1,
  });
  // As the producer does at its start, before any consumer ever ran.
  await streams.ensure('rewards');
  outbox = new Outbox(schema);
  relay = new OutboxRelay(dataSource, outbox, schema, jetstream, prefix, database.url);
  consumers = new EventConsumers(dataSource, schema, 'accounting', jetstream, streams, {
    maxDeliver: 3,
    ackWaitMs: 2000,
    exitBeforeAck: null,
  });
  consumers.subscribe({
    type: TYPES[0],
    handler: async (event, manager) => {
      await manager.query(`INSERT INTO ${schema}.effects (event_id) VALUES ($1)`, [event.id]);
      applied.push(event.id);
      tracesApplied.set(event.id, trace.getActiveSpan()?.spanContext().traceId);
    },
  });
  consumers.subscribe({
    type: TYPES[1],
    handler: () => {
      failures += 1;
      return Promise.reject(new Error('this consumer always fails'));
    },
  });
  // Three at a time: each waits (up to 5 s) until three have been applied together.
  consumers.subscribe({
    type: VolunteersEvents.hoursVerified,
    concurrency: 3,
    handler: async (event, manager) => {
      atOnce += 1;
      mostAtOnce = Math.max(mostAtOnce, atOnce);
      await until(() => mostAtOnce >= 3, 5_000).catch(() => undefined);
      await manager.query(`INSERT INTO ${schema}.effects (event_id) VALUES ($1)`, [event.id]);
      atOnce -= 1;
    },
  });
  // Only events whose `n` is positive: the others are acknowledged untouched.
  consumers.subscribe<{ n?: number }>({
    type: VolunteersEvents.activityCancelled as EventType<{ n?: number }>,
    relevant: (event) => (event.data.n ?? 0) > 0,
    handler: async (event, manager) => {
      await manager.query(`INSERT INTO ${schema}.effects (event_id) VALUES ($1)`, [event.id]);
      handedOn.push(event.id);
    },
  });
  consumers.subscribe({
    type: TYPES[2],
    handler: () => {
      refusals += 1;
      return Promise.reject(new DomainError(ErrorCode.INVALID_STATE, 'the hold is already posted'));
    },
  });
}, 30_000);

afterAll(async () => {
  await consumers?.stop();
  await relay?.stop();
  for (const producer of ['rewards', 'requests', 'volunteers'] as const) {
    await jetstream?.jsm.streams.delete(streams.streamOf(producer)).catch(() => undefined);
  }
  await jetstream?.close();
  await dataSource?.destroy();
  await database?.drop();
  await tracing?.shutdown();
});

async function effectsOf(eventId: string): Promise<number> {
  const rows: Array<{ n: string }> = await dataSource.query(
    `SELECT count(*) AS n FROM ${schema}.effects WHERE event_id = $1`,
    [eventId],
  );
  return Number(rows[0].n);
}

describe('durable events', () => {
  it('keeps an event for a durable consumer of the catalogue that has not started yet', async () => {
    const stream = streams.streamOf('rewards');
    expect((await jetstream.jsm.streams.info(stream)).config.retention).toBe(
      RetentionPolicy.Interest,
    );
    const durable = streams.durableOf('accounting', TYPES[0].type);
    const early = await dataSource.transaction((manager) => outbox.add(manager, TYPES[0], {}));
    await relay.start();
    await until(async () => (await jetstream.jsm.consumers.info(stream, durable)).num_pending > 0);
    await consumers.start();
    await until(async () => (await effectsOf(early)) === 1);
    await until(async () => (await jetstream.jsm.streams.info(stream)).state.messages === 0);
  });

  it('replaces a stream made with limits retention once every consumer has caught up', async () => {
    const stream = streams.streamOf('requests');
    await jetstream.jsm.streams.add({
      name: stream,
      subjects: EVENTS_BY_PRODUCER.requests.map(({ type }) => `${prefix}.${type}`),
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
    });
    const retention = async () => (await jetstream.jsm.streams.info(stream)).config.retention;
    // Its consumers' durables do not exist yet: whether they have caught up is unknown.
    await streams.ensure('requests');
    expect(await retention()).toBe(RetentionPolicy.Limits);
    // Now they exist, with nothing pending: the stream is made again, durables and all.
    await streams.ensure('requests');
    expect(await retention()).toBe(RetentionPolicy.Interest);
    const durables: string[] = [];
    for await (const c of jetstream.jsm.consumers.list(stream)) durables.push(c.name);
    // One durable per consumer of the catalogue, as the stream was first made.
    expect(durables).toHaveLength(consumersOfStream('requests').length);
  });

  it('refuses a consumer that is not in the catalogue', () => {
    expect(() =>
      consumers.subscribe({ type: VolunteersEvents.tierReached, handler: async () => {} }),
    ).toThrow(/EVENT_CONSUMERS/);
  });

  it('publishes what a committed transaction wrote, and applies it once', async () => {
    const ids = await dataSource.transaction((manager) =>
      outbox.addMany(
        manager,
        Array.from({ length: 25 }, (_, n) => outboxEntry(TYPES[0], { n })),
      ),
    );
    await until(async () => (await Promise.all(ids.map(effectsOf))).every((n) => n === 1));
    const unpublished: unknown[] = await dataSource.query(
      `SELECT id FROM ${schema}.outbox WHERE published_at IS NULL`,
    );
    expect(unpublished).toEqual([]);
    // One at a time by default: in the order they were written.
    expect(applied.filter((id) => ids.includes(id))).toEqual(ids);
  });

  it('applies events of a consumer with concurrency 3 three at a time, each once', async () => {
    const ids = await dataSource.transaction((manager) =>
      outbox.addMany(
        manager,
        Array.from({ length: 6 }, () =>
          outboxEntry(VolunteersEvents.hoursVerified as EventType<unknown>, {}),
        ),
      ),
    );
    await until(async () => (await Promise.all(ids.map(effectsOf))).every((n) => n === 1));
    expect(mostAtOnce).toBe(3);
  });

  it('acknowledges the events a consumer has nothing to do with, without a transaction', async () => {
    const type = VolunteersEvents.activityCancelled as EventType<unknown>;
    const [skipped, wanted] = await dataSource.transaction((manager) =>
      outbox.addMany(manager, [outboxEntry(type, { n: 0 }), outboxEntry(type, { n: 1 })]),
    );
    await until(async () => (await effectsOf(wanted)) === 1);
    const durable = streams.durableOf('accounting', type.type);
    const stream = streams.streamOf('volunteers');
    await until(async () => {
      const info = await jetstream.jsm.consumers.info(stream, durable);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
    expect(handedOn).toEqual([wanted]);
    expect(await effectsOf(skipped)).toBe(0);
    const inbox: unknown[] = await dataSource.query(
      `SELECT event_id FROM ${schema}.inbox WHERE event_id = ANY($1::uuid[]) ORDER BY event_id`,
      [[skipped, wanted]],
    );
    expect(inbox).toEqual([{ event_id: wanted }]);
  });

  it('hands an event on in the trace of the transaction that wrote it', async () => {
    const [traceId, eventId] = await tracer.startActiveSpan('write', async (span) => {
      const id = await dataSource.transaction((manager) => outbox.add(manager, TYPES[0], {}));
      span.end();
      return [span.spanContext().traceId, id];
    });
    await until(() => tracesApplied.has(eventId));
    expect(tracesApplied.get(eventId)).toBe(traceId);
  });

  it('publishes nothing from a transaction that rolled back', async () => {
    const before = applied.length;
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.add(manager, TYPES[0], { n: -1 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const marker = await dataSource.transaction((manager) =>
      outbox.add(manager, TYPES[0], { n: 0 }),
    );
    await until(async () => (await effectsOf(marker)) === 1);
    expect(applied.length).toBe(before + 1);
  });

  it('applies an event delivered twice only once', async () => {
    const eventId = randomUUID();
    const event: DomainEvent = {
      id: eventId,
      type: TYPES[0].type,
      occurredAt: new Date().toISOString(),
      requestId: null,
      data: {},
    };
    // Two messages with the same event id (as after a relay crash outside the dedupe window).
    await jetstream.client.publish(`${prefix}.${TYPES[0].type}`, JSON.stringify(event), {
      msgID: randomUUID(),
    });
    await jetstream.client.publish(`${prefix}.${TYPES[0].type}`, JSON.stringify(event), {
      msgID: randomUUID(),
    });
    const marker = await dataSource.transaction((manager) => outbox.add(manager, TYPES[0], {}));
    await until(async () => (await effectsOf(marker)) === 1);
    expect(await effectsOf(eventId)).toBe(1);
  });

  it('sets an event aside as a dead letter after the last delivery fails', async () => {
    const eventId = await dataSource.transaction((manager) =>
      outbox.add(manager, TYPES[1], { x: 1 }),
    );
    await until(async () => {
      const rows: unknown[] = await dataSource.query(
        `SELECT 1 FROM ${schema}.dead_letters WHERE event_id = $1`,
        [eventId],
      );
      return rows.length === 1;
    }, 20_000);
    expect(failures).toBe(3);
    const [letter]: Array<{ deliveries: number; error: string }> = await dataSource.query(
      `SELECT deliveries, error FROM ${schema}.dead_letters WHERE event_id = $1`,
      [eventId],
    );
    expect(letter).toEqual({ deliveries: 3, error: 'this consumer always fails' });
  }, 30_000);

  it('sets a refusal by a domain rule aside at once: asking again would not change it', async () => {
    const eventId = await dataSource.transaction((manager) => outbox.add(manager, TYPES[2], {}));
    await until(async () => {
      const rows: unknown[] = await dataSource.query(
        `SELECT 1 FROM ${schema}.dead_letters WHERE event_id = $1`,
        [eventId],
      );
      return rows.length === 1;
    });
    expect(refusals).toBe(1);
  });

  it('listens again when PostgreSQL drops its LISTEN connection, and publishes what came meanwhile', async () => {
    const listeners = async () =>
      (
        await dataSource.query<Array<{ pid: number }>>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND query = $1 AND pid <> pg_backend_pid()`,
          [`LISTEN "${outbox.channel}"`],
        )
      ).map((row) => row.pid);
    const [before] = await listeners();
    expect(before).toBeDefined();
    const reconnects = (await outboxListenerReconnects.get()).values[0]?.value ?? 0;
    await dataSource.query('SELECT pg_terminate_backend($1)', [before]);
    const meanwhile = await dataSource.transaction((manager) => outbox.add(manager, TYPES[0], {}));
    await until(async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== before;
    });
    expect((await outboxListenerReconnects.get()).values[0]?.value).toBe(reconnects + 1);
    await until(async () => (await effectsOf(meanwhile)) === 1);
  });

  it("wakes a copy's relay for that copy's commits only", async () => {
    // Another copy of the service: its own outbox and relay on the same table. Its
    // 1 s poll is held still (setInterval faked), so only a NOTIFY can wake it;
    // the first copy's relay still polls, and so publishes what the other wrote.
    jest.useFakeTimers({ doNotFake: REAL_BUT_SET_INTERVAL });
    const otherOutbox = new Outbox(schema);
    const other = new OutboxRelay(dataSource, otherOutbox, schema, jetstream, prefix, database.url);
    const kick = jest.spyOn(other, 'kick');
    try {
      await other.start();
      expect(kick).toHaveBeenCalledTimes(1); // at its start
      // The first copy's commit: its own relay publishes it, the other does not wake.
      const theirs = await dataSource.transaction((manager) => outbox.add(manager, TYPES[0], {}));
      await until(async () => (await effectsOf(theirs)) === 1);
      expect(kick).toHaveBeenCalledTimes(1);
      // The other copy's own commit wakes it (its poll is still), and it publishes it.
      const own = await dataSource.transaction((manager) => otherOutbox.add(manager, TYPES[0], {}));
      await until(async () => (await effectsOf(own)) === 1);
      expect(kick.mock.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      await other.stop();
      jest.useRealTimers();
    }
  });

  it('prunes published events and old inbox entries, and nothing still needed', async () => {
    const fresh = await dataSource.transaction((manager) => outbox.add(manager, TYPES[0], {}));
    await until(async () => (await effectsOf(fresh)) === 1);
    const old = await dataSource.transaction((manager) => outbox.add(manager, TYPES[0], {}));
    await until(async () => (await effectsOf(old)) === 1);
    await dataSource.query(
      `UPDATE ${schema}.outbox SET published_at = now() - interval '8 days' WHERE id = $1`,
      [old],
    );
    await dataSource.query(
      `UPDATE ${schema}.inbox SET applied_at = now() - interval '31 days' WHERE event_id = $1`,
      [old],
    );
    const pruned = await new EventTablesJanitor(dataSource, schema, 30).prune();
    expect(pruned).toEqual({ outbox: 1, inbox: 1 });
    const left: Array<{ id: string }> = await dataSource.query(
      `SELECT id FROM ${schema}.outbox WHERE id = ANY($1::uuid[])`,
      [[fresh, old]],
    );
    expect(left.map((r) => r.id)).toEqual([fresh]);
  });
});
