import { Actor, MessageContract } from '@app/contracts';
import { Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import {
  connect,
  ErrorCode as NatsErrorCode,
  Events,
  JSONCodec,
  NatsConnection,
  NatsError,
} from 'nats';
import { BaseConfig } from '../config/service-config';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { within } from '../health/service-probes';
import { currentRequestId } from '../logging/logger';
import {
  ATTR_MESSAGING_DESTINATION,
  ATTR_MESSAGING_SYSTEM,
  natsHeadersWith,
} from '../tracing/carriers';
import { inSpan } from '../tracing/spans';
import { RpcEnvelope, subjectFor } from './envelope';

export interface ServiceClientOptions {
  servers: string[];
  /** Who is asking: names the NATS connection. */
  name: string;
  prefix: string;
  timeoutMs: number;
}

/** What a handler's server sends back (Nest's NATS transport): the answer, or the refusal. */
interface ReplyPacket {
  response?: unknown;
  err?: unknown;
}

/** NATS errors that mean no copy of the service can hear us now. */
const UNREACHABLE = new Set<string>([
  NatsErrorCode.NoResponders,
  NatsErrorCode.ConnectionClosed,
  NatsErrorCode.ConnectionDraining,
  NatsErrorCode.ConnectionRefused,
  NatsErrorCode.ConnectionTimeout,
  NatsErrorCode.Disconnect,
]);

/** How long a caller is told to wait before asking again while a service or NATS is away. */
export const NATS_RETRY_AFTER_SECONDS = 2;

const codec = JSONCodec<unknown>();

/**
 * The one way to ask another service something: request–reply over NATS with
 * the request id and actor in the envelope, the trace context in the message
 * headers (each call a client span named by its subject), a timeout on every
 * call, and the answer's typed refusal — or the service's absence or silence —
 * as a DomainError. Each call names the message's declaration, so its payload
 * and reply are of the declared types.
 */
export class ServiceClient implements OnApplicationShutdown {
  private readonly logger = new Logger('ServiceClient');
  private connection: Promise<NatsConnection> | null = null;
  /** False between NATS's disconnect and reconnect events: a call then fails at once, 503. */
  private reachable = true;
  /** Rejects at the next disconnect: the calls in flight then will never hear their answer. */
  private disconnected: { promise: Promise<never>; reject: (error: Error) => void } | null = null;

  constructor(private readonly options: ServiceClientOptions) {}

  async call<P, R>(
    contract: MessageContract<P, R>,
    data: P,
    actor: Actor | null = null,
    timeoutMs = this.options.timeoutMs,
  ): Promise<R> {
    const { subject } = contract;
    const envelope: RpcEnvelope = {
      requestId: currentRequestId() ?? 'none',
      actor,
      data: data ?? {},
    };
    const attributes = { [ATTR_MESSAGING_SYSTEM]: 'nats', [ATTR_MESSAGING_DESTINATION]: subject };
    return inSpan(subject, { kind: SpanKind.CLIENT, attributes }, async () => {
      let packet: ReplyPacket;
      try {
        const nats = await this.connected();
        if (!this.reachable) throw new NatsError('disconnected', NatsErrorCode.Disconnect);
        const answer = await Promise.race([
          nats.request(
            subjectFor(this.options.prefix, subject),
            codec.encode({ pattern: subject, data: envelope, id: randomUUID() }),
            { timeout: timeoutMs, headers: natsHeadersWith() },
          ),
          this.nextDisconnect(),
        ]);
        packet = codec.decode(answer.data) as ReplyPacket;
      } catch (error) {
        throw this.transportError(error, contract, timeoutMs);
      }
      if (packet.err !== undefined) throw this.refusal(packet.err, subject);
      return packet.response as R;
    });
  }

  /** Whether this client's NATS connection makes a round trip within `timeoutMs`. */
  async natsAnswers(timeoutMs: number): Promise<boolean> {
    return within(timeoutMs, async () => (await this.connected()).flush());
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.then((nats) => nats.drain()).catch(() => undefined);
  }

  /** One connection, made at the first call; a failed attempt is tried again at the next. */
  private connected(): Promise<NatsConnection> {
    this.connection ??= connect({
      servers: this.options.servers,
      name: this.options.name,
      maxReconnectAttempts: -1,
      // No stack captured up front for every request (two Errors per call, on the hot path);
      // a timeout still fails with its code, only without the caller's async stack.
      noAsyncTraces: true,
    })
      .then((nats) => {
        this.reachable = true;
        void this.follow(nats);
        return nats;
      })
      .catch((error: unknown) => {
        this.connection = null;
        throw error;
      });
    return this.connection;
  }

  /**
   * Follows the connection's status: requests made while it is down would only
   * time out, and those in flight when it went down are answered 503 at once.
   */
  private async follow(nats: NatsConnection): Promise<void> {
    for await (const status of nats.status()) {
      if (status.type === Events.Disconnect) {
        this.reachable = false;
        this.disconnected?.reject(new NatsError('disconnected', NatsErrorCode.Disconnect));
        this.disconnected = null;
      }
      if (status.type === Events.Reconnect) this.reachable = true;
    }
  }

  private nextDisconnect(): Promise<never> {
    if (!this.disconnected) {
      let reject: (error: Error) => void = () => undefined;
      const promise = new Promise<never>((_, no) => (reject = no));
      promise.catch(() => undefined); // a disconnect while nothing is in flight is no failure
      this.disconnected = { promise, reject };
    }
    return this.disconnected.promise;
  }

  /** The service's own refusal (a DomainError it threw), or a failure it could not name. */
  private refusal(err: unknown, subject: string): DomainError {
    if (DomainError.isPayload(err)) return DomainError.fromPayload(err);
    this.logger.error(`call to ${subject} failed: ${JSON.stringify(err)}`);
    return DomainError.of(ErrorCode.INTERNAL, 'http.serviceFailed', {
      service: serviceOf(subject),
    });
  }

  /** NATS's own errors, by their codes: silence is a timeout, absence is unavailability. */
  private transportError(
    error: unknown,
    { subject, service }: MessageContract<unknown, unknown>,
    timeoutMs: number,
  ): DomainError {
    const code = error instanceof NatsError ? error.code : undefined;
    // A request that timed out because NATS went away is unavailability, not slowness.
    if (code === NatsErrorCode.Timeout && this.reachable) {
      return DomainError.of(
        ErrorCode.SERVICE_TIMEOUT,
        'http.serviceTimeout',
        { service, timeoutMs },
        { service },
      );
    }
    if (code !== undefined && (UNREACHABLE.has(code) || code === String(NatsErrorCode.Timeout))) {
      return DomainError.of(
        ErrorCode.SERVICE_UNAVAILABLE,
        'http.serviceUnavailable',
        { service },
        { service, retryAfterSeconds: NATS_RETRY_AFTER_SECONDS },
      );
    }
    this.logger.error(`call to ${subject} failed: ${String(error)}`);
    return DomainError.of(ErrorCode.INTERNAL, 'http.serviceFailed', { service });
  }
}

function serviceOf(subject: string): string {
  return subject.split('.')[0];
}

/** The ServiceClient a backend uses to ask the others, with the suite's prefix and PEER_TIMEOUT_MS. */
export function serviceClientProvider(name: string, config: BaseConfig): Provider {
  return {
    provide: ServiceClient,
    useFactory: () =>
      new ServiceClient({
        servers: config.natsServers,
        name,
        prefix: config.NATS_SUBJECT_PREFIX,
        timeoutMs: config.PEER_TIMEOUT_MS,
      }),
  };
}
