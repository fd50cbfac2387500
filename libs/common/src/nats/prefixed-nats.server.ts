import { Logger } from '@nestjs/common';
import { NatsOptions, ServerNats } from '@nestjs/microservices';
import type { Msg } from 'nats';
import { subjectFor } from './envelope';
import { inFlight } from './in-flight';

const NO_MESSAGE_HANDLER = 'There is no matching message handler defined in the remote service.';

type NatsServerOptions = Required<NatsOptions>['options'];

interface Subscription {
  unsubscribe(): void;
  drain(): Promise<void>;
}

/**
 * Nest's NATS server with two things it lacks: every pattern is subscribed
 * under the suite's subject prefix (so suites can share a NATS server), and a
 * stop that takes no new messages, lets those in flight finish, then closes.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly log = new Logger('NatsServer');

  constructor(
    private readonly natsOptions: NatsServerOptions,
    private readonly prefix: string,
    private readonly shutdownGraceMs: number,
  ) {
    super(natsOptions);
  }

  override bindEvents(client: Parameters<ServerNats['bindEvents']>[0]): void {
    const queue = this.natsOptions.queue;
    for (const [pattern, handler] of this.messageHandlers) {
      const subscription = client.subscribe(subjectFor(this.prefix, pattern), {
        queue: (handler.extras?.queue as string | undefined) ?? queue,
        callback: this.getMessageHandler(pattern).bind(this),
      }) as Subscription;
      (this as unknown as { subscriptions: Subscription[] }).subscriptions.push(subscription);
    }
  }

  /** A request counts as in flight from the moment it arrives until its last reply is sent. */
  override getMessageHandler(channel: string): ReturnType<ServerNats['getMessageHandler']> {
    const handle = super.getMessageHandler(channel) as (
      error: unknown,
      message?: Msg,
    ) => Promise<unknown>;
    return async (error: unknown, message?: Msg) => {
      if (!error && message?.reply) inFlight.enter();
      return handle(error, message);
    };
  }

  override getPublisher(
    ...args: Parameters<ServerNats['getPublisher']>
  ): ReturnType<ServerNats['getPublisher']> {
    const publish = super.getPublisher(...args);
    return (response: { isDisposed?: boolean; err?: unknown }) => {
      const sent: unknown = publish(response);
      if (response.isDisposed || response.err === NO_MESSAGE_HANDLER) inFlight.leave();
      return sent;
    };
  }

  override async close(): Promise<void> {
    const subscriptions = (this as unknown as { subscriptions: Subscription[] }).subscriptions;
    // Drain rather than unsubscribe: messages the server already routed to us are still handled.
    await Promise.all(subscriptions.map((sub) => sub.drain().catch(() => sub.unsubscribe())));
    subscriptions.length = 0;
    if (inFlight.size > 0) {
      this.log.log(`waiting for ${inFlight.size} message(s) in flight`);
      const drained = await inFlight.drained(this.shutdownGraceMs);
      if (!drained)
        this.log.warn(`${inFlight.size} message(s) still in flight after the grace period`);
    }
    await super.close();
  }
}
