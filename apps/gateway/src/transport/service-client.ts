import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { currentRequestId, DomainError, ErrorCode, RpcEnvelope } from '@app/common';
import { Actor } from '@app/contracts';

export const NATS_CLIENT = Symbol('NATS_CLIENT');
export const SERVICE_TIMEOUT_MS = Symbol('SERVICE_TIMEOUT_MS');

const NO_HANDLER = 'There is no matching message handler defined in the remote service.';

/**
 * The gateway's one way to call a service: request–reply over NATS with the
 * request id and actor in the envelope, a timeout on every call, and the
 * service's typed error (or its absence) turned into a DomainError.
 */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  private readonly logger = new Logger('ServiceClient');

  constructor(
    @Inject(NATS_CLIENT) private readonly client: ClientProxy,
    @Inject(SERVICE_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  async call<T>(
    subject: string,
    data: unknown,
    actor: Actor | null,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    const envelope: RpcEnvelope<unknown, Actor> = {
      requestId: currentRequestId() ?? 'none',
      actor,
      data: data ?? {},
    };
    try {
      return await firstValueFrom(this.client.send<T>(subject, envelope).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw this.translate(error, subject, timeoutMs);
    }
  }

  private translate(error: unknown, subject: string, timeoutMs: number): DomainError {
    const service = subject.split('.')[0];
    if (error instanceof TimeoutError) {
      return new DomainError(
        ErrorCode.SERVICE_TIMEOUT,
        `The ${service} service did not answer within ${timeoutMs} ms`,
        { service },
      );
    }
    if (DomainError.isPayload(error))
      return new DomainError(error.code, error.message, error.details);
    const message = (error as { message?: string })?.message ?? String(error);
    // No responders (no copy of the service is running) arrives as an empty reply.
    if (
      error instanceof EmptyResponseException ||
      message === NO_HANDLER ||
      /CONNECTION_REFUSED|DISCONNECT|CLOSED/i.test(message)
    ) {
      return new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `The ${service} service is unavailable`,
        {
          service,
        },
      );
    }
    this.logger.error(`call to ${subject} failed: ${message}`);
    return new DomainError(ErrorCode.INTERNAL, `The ${service} service failed`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
