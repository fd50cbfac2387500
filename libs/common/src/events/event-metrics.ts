import { JetStreamManager } from 'nats';
import { Counter, Gauge } from 'prom-client';
import { METRIC_PREFIX, metricsRegistry } from '../metrics';

const NANOS_PER_SECOND = 1e9;

/** The streams this process publishes to, read at each scrape. */
const watched = new Map<string, JetStreamManager>();

/** Zero when the stream is empty: every consumer has every event. */
async function oldestAgeSeconds(jsm: JetStreamManager, stream: string): Promise<number> {
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return 0;
  return Math.max(0, (Date.now() - Date.parse(state.first_ts)) / 1000);
}

async function maxAgeSeconds(jsm: JetStreamManager, stream: string): Promise<number> {
  const { config } = await jsm.streams.info(stream);
  return config.max_age / NANOS_PER_SECOND;
}

/** Sets one value per watched stream; a stream that cannot be read reports nothing. */
async function collectPerStream(
  gauge: Gauge<'stream'>,
  read: (jsm: JetStreamManager, stream: string) => Promise<number>,
): Promise<void> {
  gauge.reset();
  await Promise.all(
    [...watched].map(([stream, jsm]) =>
      read(jsm, stream).then(
        (value) => gauge.set({ stream }, value),
        () => undefined,
      ),
    ),
  );
}

/**
 * The alarm before the last resort: an event waiting longer than anyone
 * should (a consumer down or failing) shows here long before the stream's
 * age limit (`…_max_age_seconds`) drops it.
 */
new Gauge({
  name: `${METRIC_PREFIX}event_stream_oldest_age_seconds`,
  help: 'Age of the oldest event a durable consumer has not yet acknowledged (0 when none)',
  labelNames: ['stream'],
  registers: [metricsRegistry],
  collect() {
    return collectPerStream(this, oldestAgeSeconds);
  },
});

new Gauge({
  name: `${METRIC_PREFIX}event_stream_max_age_seconds`,
  help: 'Age at which the stream drops an event even if a consumer never took it',
  labelNames: ['stream'],
  registers: [metricsRegistry],
  collect() {
    return collectPerStream(this, maxAgeSeconds);
  },
});

/** Redeliveries the inbox refused: the event had been applied, only its ack was lost. */
export const eventDuplicates = new Counter({
  name: `${METRIC_PREFIX}event_duplicates_total`,
  help: 'Events delivered again after their effect was committed, refused by the inbox',
  labelNames: ['consumer', 'event'],
  registers: [metricsRegistry],
});

/** Reports the stream's age gauges until the returned function is called. */
export function watchStreamAge(jsm: JetStreamManager, stream: string): () => void {
  watched.set(stream, jsm);
  return () => watched.delete(stream);
}
