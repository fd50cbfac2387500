import { Counter, Histogram } from 'prom-client';
import { metricsRegistry, METRIC_PREFIX } from './registry';
import { ScrapedGauge } from './scraped-gauge';

/**
 * Every metric the suite's own code exports, in one place so docs/operations.md,
 * the alert rules and the dashboard have one list to agree with. Latencies in
 * seconds, as Prometheus expects; buckets from a fast cached read to the
 * gateway's service timeout.
 */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;
const registers = [metricsRegistry];

/** Gateway: every HTTP response, by route pattern (not the raw URL), method and status. */
export const httpRequests = new Counter({
  name: name('http_requests_total'),
  help: 'HTTP responses the gateway sent, by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  registers,
});

export const httpDuration = new Histogram({
  name: name('http_request_duration_seconds'),
  help: 'Time from request to response at the gateway, by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});

/** Backends: every request–reply message, by subject (without the suite prefix). */
export const rpcHandled = new Counter({
  name: name('rpc_handled_total'),
  help: 'Request–reply messages a service handled, answered or not, by subject',
  labelNames: ['subject'] as const,
  registers,
});

export const rpcFailed = new Counter({
  name: name('rpc_failed_total'),
  help: 'Messages not answered with a result, by subject and reason: refused (a rule of the domain said no) or error (a fault)',
  labelNames: ['subject', 'reason'] as const,
  registers,
});

export const rpcDuration = new Histogram({
  name: name('rpc_duration_seconds'),
  help: 'Time a service spent on a request–reply message, by subject',
  labelNames: ['subject'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});

/** Durable events (libs/common/src/events), read from the service's schema and JetStream. */
export const outboxBacklog = new ScrapedGauge(
  name('outbox_backlog'),
  'Outbox rows committed but not yet published to JetStream',
);

export const outboxOldestAge = new ScrapedGauge(
  name('outbox_oldest_age_seconds'),
  'Age of the oldest unpublished outbox row; 0 when none waits',
);

export const deadLetters = new ScrapedGauge(
  name('dead_letters'),
  'Events a consumer gave up on (rows in dead_letters), by consumer',
  ['consumer'],
);

export const consumerPending = new ScrapedGauge(
  name('consumer_pending'),
  'Events in the stream the durable consumer has not been delivered yet (its lag)',
  ['consumer'],
);

export const consumerAckPending = new ScrapedGauge(
  name('consumer_ack_pending'),
  'Events delivered to the durable consumer and not acknowledged yet',
  ['consumer'],
);

export const consumerRedelivered = new ScrapedGauge(
  name('consumer_redelivered'),
  'Events the durable consumer has been delivered more than once and not yet acknowledged',
  ['consumer'],
);

/** The service's PostgreSQL pool (TypeORM's pg pool). */
export const dbPoolConnections = new ScrapedGauge(
  name('db_pool_connections'),
  'Connections of the PostgreSQL pool, by state: in_use or idle',
  ['state'],
);

export const dbPoolWaiting = new ScrapedGauge(
  name('db_pool_waiting'),
  'Queries waiting for a free connection of the PostgreSQL pool',
);

/** Accounting: the ledger's first invariant, cheap enough to read at every scrape. */
export const ledgerImbalance = new ScrapedGauge(
  name('ledger_imbalance_minutes'),
  'Sum of all account balances in minutes: 0 when the ledger balances (GET /api/v1/ledger/check runs every rule)',
);

/** The gateway: notification streams this copy holds open (each an open HTTP response). */
export const notificationStreams = new ScrapedGauge(
  name('notification_streams'),
  'Notification streams (Server-Sent Events) open on this gateway copy',
);

/**
 * A producer's stream. Interest retention keeps an event until every durable
 * consumer has it; the age limit is the last resort, and the oldest event's
 * age warns long before it.
 */
export const eventStreamOldestAge = new ScrapedGauge(
  name('event_stream_oldest_age_seconds'),
  'Age of the oldest event a durable consumer has not yet acknowledged (0 when none)',
  ['stream'],
);

export const eventStreamMaxAge = new ScrapedGauge(
  name('event_stream_max_age_seconds'),
  'Age at which the stream drops an event even if a consumer never took it',
  ['stream'],
);

/** Redeliveries the inbox refused: the event had been applied, only its ack was lost. */
export const eventDuplicates = new Counter({
  name: name('event_duplicates_total'),
  help: 'Events delivered again after their effect was committed, refused by the inbox',
  labelNames: ['consumer', 'event'] as const,
  registers,
});

/** Periodic work (libs/common/src/schedule): rounds that failed, by task; the next round runs as usual. */
export const periodicTaskFailures = new Counter({
  name: name('periodic_task_failures_total'),
  help: 'Rounds of periodic work (expiry, sweeping, pruning) that failed, by task',
  labelNames: ['task'] as const,
  registers,
});

/** The outbox relays' LISTEN connections made again after PostgreSQL dropped them. */
export const outboxListenerReconnects = new Counter({
  name: name('outbox_listener_reconnects_total'),
  help: 'Times the outbox relay listened again after its LISTEN connection to PostgreSQL was lost',
  registers,
});
