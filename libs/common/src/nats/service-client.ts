import { Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { SpanKind } from '@opentelemetry/api';
import { BaseConfig } from '../config/service-config';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { currentRequestId } from '../logging/logger';
import { RpcEnvelope } from './envelope';
import { PrefixedNatsClient } from './prefixed-nats.client';
import type { NatsConnection } from 'nats';
import { within } from '../health/service-probes';
import {
  ATTR_MESSAGING_DESTINATION,
  ATTR_MESSAGING_SYSTEM,
  natsHeadersWith,
} from '../tracing/carriers';
import { inSpan } from '../tracing/spans';

const NO_HANDLER = 'There is no matching message handler defined in the remote service.';

export interface ServiceClientOptions {
  servers: string[];
  /** Who is asking: names the NATS connection. */
  name: string;
  prefix: string;
  timeoutMs: number;
}

/**
 * The one way to ask another service something: request–reply over NATS with
 * the request id and actor in the envelope, the trace context in the message
 * headers (each call a client span named by its subject), a timeout on every
 * call, and the answer's typed refusal — or the service's absence or silence —
 * as a DomainError.
 */
export class ServiceClient implements OnApplicationShutdown {
  private readonly logger = new Logger('ServiceClient');
  private readonly client: PrefixedNatsClient;
  private readonly timeoutMs: number;

  constructor(options: ServiceClientOptions) {
    this.client = new PrefixedNatsClient(
      { servers: options.servers, name: options.name, maxReconnectAttempts: -1 },
      options.prefix,
    );
    this.timeoutMs = options.timeoutMs;
  }

  async call<T>(
    subject: string,
    data: unknown,
    actor: unknown = null,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    const envelope: RpcEnvelope = {
      requestId: currentRequestId() ?? 'none',
      actor,
      data: data ?? {},
    };
    const attributes = { [ATTR_MESSAGING_SYSTEM]: 'nats', [ATTR_MESSAGING_DESTINATION]: subject };
    return inSpan(subject, { kind: SpanKind.CLIENT, attributes }, async () => {
      const message = new NatsRecordBuilder(envelope).setHeaders(natsHeadersWith()).build();
      try {
        return await firstValueFrom(this.client.send<T>(subject, message).pipe(timeout(timeoutMs)));
      } catch (error) {
        throw this.translate(error, subject, timeoutMs);
      }
    });
  }

  /** Whether this client's NATS connection makes a round trip within `timeoutMs`. */
  async natsAnswers(timeoutMs: number): Promise<boolean> {
    return within(timeoutMs, async () => {
      await this.client.connect();
      await this.client.unwrap<NatsConnection>().flush();
    });
  }

  private translate(error: unknown, subject: string, timeoutMs: number): DomainError {
    const service = subject.split('.')[0];
    if (DomainError.isPayload(error)) return DomainError.fromPayload(error);
    if (error instanceof TimeoutError) {
      return DomainError.of(
        ErrorCode.SERVICE_TIMEOUT,
        'http.serviceTimeout',
        { service, timeoutMs },
        { service },
      );
    }
    const message = (error as { message?: string })?.message ?? String(error);
    // No responders (no copy of the service is running) arrives as an empty reply.
    if (
      error instanceof EmptyResponseException ||
      message === NO_HANDLER ||
      /CONNECTION_REFUSED|DISCONNECT|CLOSED/i.test(message)
    ) {
      return DomainError.of(
        ErrorCode.SERVICE_UNAVAILABLE,
        'http.serviceUnavailable',
        { service },
        {
          service,
        },
      );
    }
    this.logger.error(`call to ${subject} failed: ${message}`);
    return DomainError.of(ErrorCode.INTERNAL, 'http.serviceFailed', { service });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** The ServiceClient a backend uses to ask the others, with the suite's prefix and PEER_TIMEOUT_MS. */
export function serviceClientProvider(name: string, config: BaseConfig): Provider {
  return {
    provide: ServiceClient,
    useFactory: () =>
      new ServiceClient({
        servers: config.NATS_URL.split(','),
        name,
        prefix: config.NATS_SUBJECT_PREFIX,
        timeoutMs: config.PEER_TIMEOUT_MS,
      }),
  };
}
