import { JetStreamManager } from 'nats';
import { DataSource } from 'typeorm';
import {
  consumerAckPending,
  consumerPending,
  consumerRedelivered,
  deadLetters,
  eventStreamMaxAge,
  eventStreamOldestAge,
  outboxBacklog,
  outboxOldestAge,
} from '../metrics/suite-metrics';
import { ConsumerState, EventConsumers } from './event-consumers';

/**
 * Reports a service's durable events at each scrape: its outbox backlog and
 * the age of its oldest unpublished row (the partial index on unpublished rows
 * keeps that cheap), its dead letters by consumer, and each of its consumers'
 * lag in JetStream. Returns the function that stops reporting.
 */
export function reportEvents(
  dataSource: DataSource,
  schema: string,
  consumers: EventConsumers,
): () => void {
  // Gauges are collected side by side: one query (or JetStream round) serves all that need it.
  const outbox = sharedWhileInFlight(() => readOutbox(dataSource, schema));
  const consumerStates = sharedWhileInFlight(() => consumers.states());
  const byConsumer = (value: (state: ConsumerState) => number) => async () =>
    (await consumerStates()).map((s) => ({ labels: { consumer: s.durable }, value: value(s) }));
  const removers = [
    outboxBacklog.addSource(async () => [{ value: (await outbox()).backlog }]),
    outboxOldestAge.addSource(async () => [{ value: (await outbox()).oldestAgeSeconds }]),
    deadLetters.addSource(() => readDeadLetters(dataSource, schema, consumers.names)),
    consumerPending.addSource(byConsumer((s) => s.pending)),
    consumerAckPending.addSource(byConsumer((s) => s.ackPending)),
    consumerRedelivered.addSource(byConsumer((s) => s.redelivered)),
  ];
  return () => removers.forEach((remove) => remove());
}

/**
 * Reports the producer's own stream at each scrape: the age of its oldest
 * event (0 when every consumer has everything) beside the age limit that would
 * drop it. Returns the function that stops reporting.
 */
export function reportStream(jsm: JetStreamManager, stream: string): () => void {
  const info = sharedWhileInFlight(() => jsm.streams.info(stream));
  const labels = { stream };
  const removers = [
    eventStreamOldestAge.addSource(async () => {
      const { state } = await info();
      const age = state.messages === 0 ? 0 : (Date.now() - Date.parse(state.first_ts)) / 1000;
      return [{ labels, value: Math.max(0, age) }];
    }),
    eventStreamMaxAge.addSource(async () => [
      { labels, value: (await info()).config.max_age / NANOS_PER_SECOND },
    ]),
  ];
  return () => removers.forEach((remove) => remove());
}

const NANOS_PER_SECOND = 1e9;

/** Calls made while one is in flight get its answer rather than starting another. */
function sharedWhileInFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () =>
    (inFlight ??= read().finally(() => {
      inFlight = null;
    }));
}

async function readOutbox(
  dataSource: DataSource,
  schema: string,
): Promise<{ backlog: number; oldestAgeSeconds: number }> {
  const [row]: Array<{ backlog: string; age: number | null }> = await dataSource.query(
    `SELECT count(*) AS backlog, extract(epoch FROM now() - min(created_at))::float8 AS age
       FROM "${schema}".outbox WHERE published_at IS NULL`,
  );
  return { backlog: Number(row.backlog), oldestAgeSeconds: row.age ?? 0 };
}

/** Per consumer, 0 for each running one without any: a panel shows 0, not "no data". */
async function readDeadLetters(
  dataSource: DataSource,
  schema: string,
  running: string[],
): Promise<Array<{ labels: { consumer: string }; value: number }>> {
  const rows: Array<{ consumer: string; count: string }> = await dataSource.query(
    `SELECT consumer, count(*) AS count FROM "${schema}".dead_letters GROUP BY consumer`,
  );
  const counts = new Map(running.map((consumer) => [consumer, 0]));
  for (const row of rows) counts.set(row.consumer, Number(row.count));
  return [...counts].map(([consumer, value]) => ({ labels: { consumer }, value }));
}
