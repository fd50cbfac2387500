import { Logger } from '@nestjs/common';
import { NatsOptions, ServerNats } from '@nestjs/microservices';
import { subjectFor } from './envelope';
import { inFlight } from './in-flight';

type NatsServerOptions = Required<NatsOptions>['options'];

interface Subscription {
  unsubscribe(): void;
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

  override async close(): Promise<void> {
    const subscriptions = (this as unknown as { subscriptions: Subscription[] }).subscriptions;
    subscriptions.forEach((sub) => sub.unsubscribe());
    subscriptions.length = 0;
    if (inFlight.size > 0) {
      this.log.log(`waiting for ${inFlight.size} message(s) in flight`);
      const drained = await inFlight.drained(this.shutdownGraceMs);
      if (!drained) this.log.warn(`${inFlight.size} message(s) still in flight after the grace period`);
    }
    await super.close();
  }
}
