import { Logger } from '@nestjs/common';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { logContext } from '../logging/logger';
import { inEventSpan } from '../tracing/event-span';
import { consumerName, DomainEvent, streamName } from './event';
import { JetStreamConnection } from './jetstream.connection';

export type EventHandler<T = unknown> = (
  event: DomainEvent<T>,
  manager: EntityManager,
) => Promise<void>;

export interface EventSubscription<T = unknown> {
  /** The producing service, e.g. `volunteers`: it names the stream. */
  producer: string;
  /** The event subject without prefix, e.g. `volunteers.member.registered`. */
  type: string;
  /** Every subject of the producer's stream, so whoever starts first can create it. */
  streamSubjects: readonly string[];
  handler: EventHandler<T>;
}

export interface ConsumerSettings {
  /** Deliveries before an event is set aside as a dead letter. */
  maxDeliver: number;
  ackWaitMs: number;
}

/**
 * Durable pull consumers with explicit ack. Each event is applied in one
 * transaction together with its id in the inbox, so an event delivered twice
 * takes effect once; the ack follows the commit. An event that keeps failing
 * is recorded in dead_letters after `maxDeliver` tries and not retried.
 */
export class EventConsumers {
  private readonly logger = new Logger('EventConsumers');
  private readonly subscriptions: EventSubscription[] = [];
  private readonly running: Array<{ messages: ConsumerMessages; loop: Promise<void> }> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly service: string,
    private readonly jetstream: JetStreamConnection,
    private readonly prefix: string,
    private readonly settings: ConsumerSettings,
  ) {}

  subscribe<T>(subscription: EventSubscription<T>): void {
    this.subscriptions.push(subscription as EventSubscription);
  }

  async start(): Promise<void> {
    for (const subscription of this.subscriptions) {
      const stream = streamName(this.prefix, subscription.producer);
      await this.jetstream.ensureStream(
        stream,
        subscription.streamSubjects.map((s) => `${this.prefix}.${s}`),
      );
      const durable = consumerName(this.prefix, this.service, subscription.type);
      await this.jetstream.jsm.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: `${this.prefix}.${subscription.type}`,
        max_deliver: this.settings.maxDeliver,
        ack_wait: nanos(this.settings.ackWaitMs),
      });
      const consumer = await this.jetstream.client.consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: 64 });
      const loop = this.consume(messages, durable, subscription.handler);
      this.running.push({ messages, loop });
    }
  }

  private async consume(
    messages: ConsumerMessages,
    durable: string,
    handler: EventHandler,
  ): Promise<void> {
    for await (const message of messages) {
      await inEventSpan(message, this.prefix, durable, () =>
        this.handle(message, durable, handler),
      );
    }
  }

  private async handle(message: JsMsg, durable: string, handler: EventHandler): Promise<void> {
    let event: DomainEvent;
    try {
      event = JSON.parse(message.string()) as DomainEvent;
      if (typeof event?.id !== 'string') throw new Error('event without an id');
    } catch (error) {
      await this.deadLetter(durable, message, null, error, message.info.redeliveryCount);
      message.term();
      return;
    }
    try {
      await logContext.run({ requestId: event.requestId ?? undefined }, () =>
        this.dataSource.transaction(async (manager) => {
          const fresh: unknown[] = await manager.query(
            `INSERT INTO "${this.schema}".inbox (consumer, event_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [durable, event.id],
          );
          if (fresh.length === 0) return; // applied before: the effect must not happen twice
          await handler(event, manager);
        }),
      );
      message.ack();
    } catch (error) {
      const deliveries = message.info.redeliveryCount;
      // A rule of the domain said no: asking again will not change its answer.
      const refused = error instanceof DomainError && error.code !== ErrorCode.INTERNAL;
      if (refused || deliveries >= this.settings.maxDeliver) {
        await this.deadLetter(durable, message, event, error, deliveries);
        message.term();
      } else {
        this.logger.warn(
          `${durable}: event ${event.id} failed (try ${deliveries}): ${(error as Error).message}`,
        );
        message.nak(Math.min(30_000, 250 * 2 ** deliveries));
      }
    }
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
  }
}
