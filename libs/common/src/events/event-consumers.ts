import { BackendService, EVENT_CONSUMERS, EventType, producerOf } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { ConsumerMessages, JsMsg } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { isRetryable } from '../errors/error-code';
import { logContext } from '../logging/logger';
import { eventDuplicates } from '../metrics/suite-metrics';
import { inEventSpan } from '../tracing/event-span';
import { DomainEvent } from './event';
import { EventStreams } from './event-streams';
import { JetStreamConnection } from './jetstream.connection';

/**
 * Applies one event. Its whole effect — rows, outbox events — goes through
 * `manager`, the transaction that also records the event in the inbox: a
 * handler that opened a transaction of its own could commit without the inbox
 * row, and a redelivery would then apply it again.
 */
export type EventHandler<T = unknown> = (
  event: DomainEvent<T>,
  manager: EntityManager,
  afterCommit: AfterCommit,
) => Promise<void>;

/**
 * Queues work for after the event's transaction commits: what must not happen
 * when it rolls back, such as a broadcast of what it wrote. Best effort: it runs
 * once, after the commit, and its failure is logged (the rows stay the truth).
 */
export type AfterCommit = (work: () => unknown) => void;

export interface EventSubscription<T> {
  /** The event, as its producer declares it (see EVENT_CONSUMERS). */
  type: EventType<T>;
  handler: EventHandler<T>;
  /**
   * Events of this type applied at once, at most (default 1: one after another, in the
   * stream's order). More only where the handler's effects do not depend on the order of
   * two such events (each locks what it changes), e.g. payments of distinct services: a
   * burst is then not paid one transaction after another.
   */
  concurrency?: number;
  /**
   * Which events of this type the handler has anything to do (default: all). The
   * others are acknowledged as they arrive, with no transaction and no inbox row:
   * there is nothing to apply twice. Keeps a consumer that acts on few events of a
   * busy type (service credits among all posted transfers) from falling behind.
   */
  relevant?: (event: DomainEvent<T>) => boolean;
}

/** A subscription as it runs: the event's subject without prefix, and its handler. */
interface Subscribed {
  type: string;
  handler: EventHandler;
  concurrency: number;
  relevant: (event: DomainEvent) => boolean;
}

/** Where a durable consumer stands, as JetStream counts it. */
export interface ConsumerState {
  durable: string;
  /** Events in the stream not yet delivered to it: its lag. */
  pending: number;
  /** Delivered and not yet acknowledged. */
  ackPending: number;
  /** Delivered more than once and not yet acknowledged. */
  redelivered: number;
}

export interface ConsumerSettings {
  /** Deliveries before an event is set aside as a dead letter. */
  maxDeliver: number;
  /** The consumers' ack wait: a handler still running reports progress well within it. */
  ackWaitMs: number;
  /** Tests only: exit between the commit of an event of this type and its ack. */
  exitBeforeAck: string | null;
}

/**
 * How long a pull waits at the server for events. A pull is held by the
 * consumer's leader: when that NATS node dies the pull goes with it, and the
 * client notices only by two missed heartbeats (half of this apart), then pulls
 * from the new leader. NATS's default of 30 s held events that long after a
 * node's loss; with 5 s they flow again within seconds, for one pull request
 * every 5 s per idle consumer.
 */
const PULL_EXPIRES_MS = 5000;

/**
 * Durable pull consumers with explicit ack, bound to the durables of the
 * catalogue (EVENT_CONSUMERS). Each event is applied in one transaction
 * together with its id in the inbox, so an event delivered twice takes effect
 * once; the ack follows the commit. An event that keeps failing is recorded in
 * dead_letters after `maxDeliver` tries and not retried.
 */
export class EventConsumers {
  private readonly logger = new Logger('EventConsumers');
  private readonly subscriptions: Subscribed[] = [];
  private readonly running: Array<{ messages: ConsumerMessages; loop: Promise<void> }> = [];
  private readonly durables: Array<{ stream: string; durable: string }> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly service: BackendService,
    private readonly jetstream: JetStreamConnection,
    private readonly streams: EventStreams,
    private readonly settings: ConsumerSettings,
  ) {}

  subscribe<T>({
    type,
    handler,
    concurrency = 1,
    relevant = () => true,
  }: EventSubscription<T>): void {
    if (!EVENT_CONSUMERS[this.service].includes(type)) {
      throw new Error(`${this.service} consumes ${type.type}: add it to EVENT_CONSUMERS`);
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new Error(`${type.type}: concurrency must be a whole number of at least 1`);
    }
    this.subscriptions.push({
      type: type.type,
      handler: handler as EventHandler,
      concurrency,
      relevant: relevant as (event: DomainEvent) => boolean,
    });
  }

  async start(): Promise<void> {
    const ensured = new Map<BackendService, Promise<string>>();
    for (const subscribed of this.subscriptions) {
      const { type } = subscribed;
      const producer = producerOf(type);
      if (!ensured.has(producer)) ensured.set(producer, this.streams.ensure(producer));
      const stream = await (ensured.get(producer) as Promise<string>);
      const durable = this.streams.durableOf(this.service, type);
      this.durables.push({ stream, durable });
      const consumer = await this.jetstream.client.consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: 64, expires: PULL_EXPIRES_MS });
      const loop = this.consume(messages, durable, subscribed);
      this.running.push({ messages, loop });
    }
  }

  /** The durable names of the consumers started. */
  get names(): string[] {
    return this.durables.map((d) => d.durable);
  }

  /** Each started consumer's counts, asked of JetStream now (metrics read them at scrape time). */
  async states(): Promise<ConsumerState[]> {
    return Promise.all(
      this.durables.map(async ({ stream, durable }) => {
        const info = await this.jetstream.jsm.consumers.info(stream, durable);
        return {
          durable,
          pending: info.num_pending,
          ackPending: info.num_ack_pending,
          redelivered: info.num_redelivered,
        };
      }),
    );
  }

  /** Applies the delivered events, `concurrency` at a time; on stop, waits for those begun. */
  private async consume(
    messages: ConsumerMessages,
    durable: string,
    { type, concurrency, ...subscribed }: Subscribed,
  ): Promise<void> {
    const begun = new Set<Promise<void>>();
    for await (const message of messages) {
      const applying: Promise<void> = inEventSpan(message, type, durable, () =>
        this.handle(message, durable, subscribed),
      )
        // Not acknowledged, so JetStream delivers it again after the ack wait.
        .catch((error: Error) => this.logger.error(`${durable}: ${error.message}`))
        .finally(() => begun.delete(applying));
      begun.add(applying);
      if (begun.size >= concurrency) await Promise.race(begun);
    }
    await Promise.all(begun);
  }

  private async handle(
    message: JsMsg,
    durable: string,
    { handler, relevant }: Pick<Subscribed, 'handler' | 'relevant'>,
  ): Promise<void> {
    let event: DomainEvent | null = null;
    try {
      const read = JSON.parse(message.string()) as DomainEvent;
      if (typeof read?.id !== 'string') throw new Error('event without an id');
      event = read;
      if (!relevant(event)) {
        message.ack();
        return;
      }
    } catch (error) {
      await this.deadLetter(durable, message, event, error, message.info.redeliveryCount);
      message.term();
      return;
    }
    // Still working: a slow handler must not have its event handed to another copy.
    const progress = setInterval(() => message.working(), this.settings.ackWaitMs / 2);
    try {
      const afterCommit: Array<() => unknown> = [];
      const applied = await logContext.run({ requestId: event.requestId ?? undefined }, () =>
        this.dataSource.transaction(async (manager) => {
          const fresh: unknown[] = await manager.query(
            `INSERT INTO "${this.schema}".inbox (consumer, event_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [durable, event.id],
          );
          if (fresh.length === 0) return false; // applied before: the effect must not happen twice
          await handler(event, manager, (work) => afterCommit.push(work));
          return true;
        }),
      );
      if (applied) this.runAfterCommit(durable, event, afterCommit);
      if (applied) this.faultBeforeAck(event);
      else this.refusedAgain(durable, event);
      message.ack();
    } catch (error) {
      const deliveries = message.info.redeliveryCount;
      // A rule of the domain said no: asking again will not change its answer (an outage may).
      const refused = error instanceof DomainError && !isRetryable(error.code);
      if (refused || deliveries >= this.settings.maxDeliver) {
        await this.deadLetter(durable, message, event, error, deliveries);
        message.term();
      } else {
        this.logger.warn(
          `${durable}: event ${event.id} failed (try ${deliveries}): ${(error as Error).message}`,
        );
        message.nak(Math.min(30_000, 250 * 2 ** deliveries));
      }
    } finally {
      clearInterval(progress);
    }
  }

  private runAfterCommit(durable: string, event: DomainEvent, work: Array<() => unknown>): void {
    for (const job of work) {
      void Promise.resolve()
        .then(job)
        .catch((error: Error) =>
          this.logger.warn(`${durable}: after-commit work of ${event.id} failed: ${error.message}`),
        );
    }
  }

  private refusedAgain(durable: string, event: DomainEvent): void {
    eventDuplicates.inc({ consumer: this.service, event: event.type });
    this.logger.warn(
      `${durable}: event ${event.id} delivered again after it was applied: refused by the inbox`,
    );
  }

  /** The drill of a crash between commit and ack (tests only): the event comes back. */
  private faultBeforeAck(event: DomainEvent): void {
    if (this.settings.exitBeforeAck !== event.type) return;
    this.logger.error(`fault point: exiting after applying event ${event.id}, before its ack`);
    process.exit(1);
  }

  private async deadLetter(
    durable: string,
    message: JsMsg,
    event: DomainEvent | null,
    error: unknown,
    deliveries: number,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(
      `${durable}: gave up on ${event?.id ?? 'an unreadable event'} after ${deliveries} tries: ${reason}`,
    );
    await this.dataSource
      .query(
        `INSERT INTO "${this.schema}".dead_letters (consumer, event_id, subject, payload, error, deliveries)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          durable,
          event?.id ?? null,
          message.subject,
          event ? JSON.stringify(event) : null,
          reason,
          deliveries,
        ],
      )
      .catch((e: Error) => this.logger.error(`could not record a dead letter: ${e.message}`));
  }

  /** Stops pulling; an event being applied finishes, unacked ones are redelivered later. */
  async stop(): Promise<void> {
    for (const { messages } of this.running) messages.stop();
    await Promise.all(this.running.map(({ loop }) => loop.catch(() => undefined)));
    this.running.length = 0;
    this.durables.length = 0;
  }
}
