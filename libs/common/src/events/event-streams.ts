import { BackendService, consumersOfStream, EVENTS_BY_PRODUCER } from '@app/contracts';
import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  ConsumerConfig,
  DeliverPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
} from 'nats';
import { consumerName, streamName } from './event';
import { JetStreamConnection } from './jetstream.connection';

export interface EventStreamSettings {
  /** The age past which a stream drops an event nobody took (EVENT_MAX_AGE_DAYS). */
  maxAgeMs: number;
  /** Deliveries before an event is set aside as a dead letter. */
  maxDeliver: number;
  /** How long a delivered event may go unacked before it is delivered again (to any copy). */
  ackWaitMs: number;
  /** Waits before the 1st, 2nd, … redelivery of an unacked event; the last one repeats. */
  redeliveryBackoffMs: number[];
  /** The servers of a JetStream cluster holding each stream (NATS_STREAM_REPLICAS); its consumers follow it. */
  replicas: number;
}

/**
 * A consumer that dies holding events (killed, crashed, its host gone) gives
 * them back after the ack wait: a few seconds, not the 30 s NATS suggests. A
 * live consumer never waits that long on one event (it reports progress while
 * a handler runs), and one delivered twice is refused by the inbox; the waits
 * grow for an event that keeps timing out.
 */
const ACK_WAIT_MS = 5000;
const REDELIVERY_BACKOFF_MS = [ACK_WAIT_MS, 10_000, 30_000];

const DAY_MS = 24 * 3600 * 1000;
const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

function isNotFound(error: unknown): boolean {
  return /not found/i.test((error as Error).message);
}

/**
 * The shape of the suite's event streams, from the catalogue in
 * @app/contracts: one stream per producer with interest retention, and every
 * durable consumer of the catalogue on it. Interest retention drops a message
 * no durable consumer wants when it is published, so whichever service starts
 * first creates the stream together with all its durables; a consumer that has
 * not started yet then finds its events waiting. Safe from every service at once.
 */
export class EventStreams {
  private readonly logger = new Logger('EventStreams');

  constructor(
    private readonly jetstream: JetStreamConnection,
    private readonly prefix: string,
    private readonly settings: EventStreamSettings,
  ) {}

  static settingsFrom(config: {
    EVENT_MAX_AGE_DAYS: number;
    NATS_STREAM_REPLICAS: number;
  }): EventStreamSettings {
    return {
      maxAgeMs: config.EVENT_MAX_AGE_DAYS * DAY_MS,
      maxDeliver: 10,
      ackWaitMs: ACK_WAIT_MS,
      redeliveryBackoffMs: REDELIVERY_BACKOFF_MS,
      replicas: config.NATS_STREAM_REPLICAS,
    };
  }

  streamOf(producer: BackendService): string {
    return streamName(this.prefix, producer);
  }

  durableOf(consumer: BackendService, type: string): string {
    return consumerName(this.prefix, consumer, type);
  }

  /**
   * Creates or brings up to date the producer's stream and every durable consumer
   * on it (adding a durable that exists updates its settings).
   */
  async ensure(producer: BackendService): Promise<string> {
    const stream = this.streamOf(producer);
    await this.ensureStream(producer, stream);
    for (const { consumer, type } of consumersOfStream(producer)) {
      await this.jetstream.jsm.consumers.add(stream, this.durableConfig(consumer, type));
    }
    return stream;
  }

  /**
   * A durable is kept by as many servers as its stream, said outright: left to
   * follow its stream (0), one made before the stream grew from one server to
   * three stayed on one when several services brought the stream up at once.
   */
  private durableConfig(consumer: BackendService, type: string): Partial<ConsumerConfig> {
    return {
      durable_name: this.durableOf(consumer, type),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${this.prefix}.${type}`,
      max_deliver: this.settings.maxDeliver,
      ack_wait: nanos(this.settings.ackWaitMs),
      backoff: this.settings.redeliveryBackoffMs.map(nanos),
      num_replicas: this.settings.replicas,
    };
  }

  private subjectsOf(producer: BackendService): string[] {
    return EVENTS_BY_PRODUCER[producer].map(({ type }) => `${this.prefix}.${type}`);
  }

  private async ensureStream(producer: BackendService, stream: string): Promise<void> {
    const jsm = this.jetstream.jsm;
    const subjects = this.subjectsOf(producer);
    let info;
    try {
      info = await jsm.streams.info(stream);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      return this.create(producer, stream);
    }
    if (info.config.retention !== RetentionPolicy.Interest) {
      return this.replaceLimitsStream(producer, stream);
    }
    const missing = subjects.filter((s) => !info.config.subjects.includes(s));
    const replicasChanged = info.config.num_replicas !== this.settings.replicas;
    if (
      missing.length > 0 ||
      info.config.max_age !== nanos(this.settings.maxAgeMs) ||
      replicasChanged
    ) {
      await jsm.streams.update(stream, {
        subjects: [...info.config.subjects, ...missing],
        max_age: nanos(this.settings.maxAgeMs),
        num_replicas: this.settings.replicas,
      });
      if (replicasChanged) {
        this.logger.log(
          `stream ${stream} now kept by ${this.settings.replicas} servers (was ${info.config.num_replicas})`,
        );
      }
    }
  }

  private async create(producer: BackendService, stream: string): Promise<void> {
    try {
      await this.jetstream.jsm.streams.add({
        name: stream,
        subjects: this.subjectsOf(producer),
        retention: RetentionPolicy.Interest,
        storage: StorageType.File,
        max_age: nanos(this.settings.maxAgeMs),
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
        num_replicas: this.settings.replicas,
      });
      this.logger.log(`created stream ${stream}`);
    } catch (error) {
      // Another service created it at the same moment: bring that one up to date instead.
      if (!/already in use|exists/i.test((error as Error).message)) throw error;
      await this.ensureStream(producer, stream);
    }
  }

  /**
   * NATS cannot change a stream's retention in place. A stream made with limits
   * retention (before this version) is recreated once every durable consumer of
   * the catalogue has taken all of it; until then it is left alone, and said so.
   */
  private async replaceLimitsStream(producer: BackendService, stream: string): Promise<void> {
    if (!(await this.everyConsumerCaughtUp(producer, stream))) {
      this.logger.error(
        `stream ${stream} still has limits retention, so events a consumer never took are ` +
          `dropped after its age limit: it is recreated with interest retention at the next start ` +
          `once every consumer has caught up (see docs/operations.md, "Event streams")`,
      );
      return;
    }
    await this.jetstream.jsm.streams.delete(stream).catch((error: Error) => {
      if (!isNotFound(error)) throw error;
    });
    this.logger.warn(
      `stream ${stream} had limits retention and every consumer had caught up: recreated`,
    );
    await this.create(producer, stream);
  }

  private async everyConsumerCaughtUp(producer: BackendService, stream: string): Promise<boolean> {
    for (const { consumer, type } of consumersOfStream(producer)) {
      const info = await this.jetstream.jsm.consumers
        .info(stream, this.durableOf(consumer, type))
        .catch((error: Error) => {
          if (isNotFound(error)) return null;
          throw error;
        });
      if (!info || info.num_pending > 0 || info.num_ack_pending > 0) return false;
    }
    return true;
  }
}
