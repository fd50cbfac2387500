import { Logger } from '@nestjs/common';
import { NatsOptions, ServerNats } from '@nestjs/microservices';
import { context, Span, SpanKind, trace } from '@opentelemetry/api';
import type { Msg } from 'nats';
import { DomainError } from '../errors/domain-error';
import {
  ATTR_MESSAGING_DESTINATION,
  ATTR_MESSAGING_SYSTEM,
  contextOfNatsHeaders,
} from '../tracing/carriers';
import { endSpan } from '../tracing/spans';
import { tracer } from '../tracing/tracing';
import { subjectFor } from './envelope';
import { inFlight } from './in-flight';

const NO_MESSAGE_HANDLER = 'There is no matching message handler defined in the remote service.';

type NatsServerOptions = Required<NatsOptions>['options'];

interface Subscription {
  unsubscribe(): void;
  drain(): Promise<void>;
}

/** A request's server span, and the error its answer carried, if any. */
interface ServerSpan {
  span: Span;
  failure?: unknown;
}

/**
 * Nest's NATS server with what it lacks: every pattern is subscribed under the
 * suite's subject prefix (so suites can share a NATS server); each request is
 * handled, from its first byte to its last reply, in a server span named by its
 * pattern, in the trace its headers carry; and a stop takes no new messages,
 * lets those in flight finish, then closes.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly log = new Logger('NatsServer');
  private readonly spans = new WeakMap<Msg, ServerSpan>();
  /** This server's subscriptions, one per handled subject: drained at close. */
  private readonly subscribed: Subscription[] = [];

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
      this.subscribed.push(subscription);
    }
  }

  /** A request counts as in flight, in its span, from the moment it arrives until its last reply is sent. */
  override getMessageHandler(channel: string): ReturnType<ServerNats['getMessageHandler']> {
    const handle = super.getMessageHandler(channel) as (
      error: unknown,
      message?: Msg,
    ) => Promise<unknown>;
    return async (error: unknown, message?: Msg) => {
      if (error || !message?.reply) return handle(error, message);
      inFlight.enter();
      const parent = contextOfNatsHeaders(message.headers);
      const span = tracer.startSpan(
        channel,
        {
          kind: SpanKind.SERVER,
          attributes: { [ATTR_MESSAGING_SYSTEM]: 'nats', [ATTR_MESSAGING_DESTINATION]: channel },
        },
        parent,
      );
      this.spans.set(message, { span });
      return context.with(trace.setSpan(parent, span), () => handle(error, message));
    };
  }

  override getPublisher(
    ...args: Parameters<ServerNats['getPublisher']>
  ): ReturnType<ServerNats['getPublisher']> {
    const publish = super.getPublisher(...args);
    const message = args[0] as Msg;
    return (response: { isDisposed?: boolean; err?: unknown }) => {
      const sent: unknown = publish(response);
      const last = response.isDisposed || response.err === NO_MESSAGE_HANDLER;
      this.traceReply(message, response.err, last);
      if (last) inFlight.leave();
      return sent;
    };
  }

  /** Notes a refusal or failure sent back; ends the request's span with its last reply. */
  private traceReply(message: Msg, err: unknown, last: boolean | undefined): void {
    const traced = this.spans.get(message);
    if (!traced) return;
    if (err !== undefined)
      traced.failure = DomainError.isPayload(err) ? DomainError.fromPayload(err) : err;
    if (!last) return;
    endSpan(traced.span, traced.failure);
    this.spans.delete(message);
  }

  override async close(): Promise<void> {
    const subscriptions = this.subscribed.splice(0);
    // Drain rather than unsubscribe: messages the server already routed to us are still handled.
    await Promise.all(subscriptions.map((sub) => sub.drain().catch(() => sub.unsubscribe())));
    if (inFlight.size > 0) {
      this.log.log(`waiting for ${inFlight.size} message(s) in flight`);
      const drained = await inFlight.drained(this.shutdownGraceMs);
      if (!drained)
        this.log.warn(`${inFlight.size} message(s) still in flight after the grace period`);
    }
    await super.close();
  }
}
