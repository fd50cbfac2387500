import {
  currentRequestId,
  DomainError,
  ErrorCode,
  PrefixedNatsClient,
  RpcEnvelope,
} from '@app/common';
import { Actor } from '@app/contracts';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { RequestsConfig } from '../requests.config';

/**
 * Request–reply to the other services, with the caller's request id, a timeout
 * on every call, and their typed refusals passed on as they are.
 */
@Injectable()
export class PeerClient implements OnApplicationShutdown {
  private readonly client: PrefixedNatsClient;

  constructor(private readonly config: RequestsConfig) {
    this.client = new PrefixedNatsClient(
      { servers: config.NATS_URL.split(','), name: 'requests-peers', maxReconnectAttempts: -1 },
      config.NATS_SUBJECT_PREFIX,
    );
  }

  async call<T>(subject: string, data: unknown, actor: Actor | null = null): Promise<T> {
    const envelope: RpcEnvelope<unknown, Actor> = {
      requestId: currentRequestId() ?? 'none',
      actor,
      data,
    };
    try {
      return await firstValueFrom(
        this.client.send<T>(subject, envelope).pipe(timeout(this.config.PEER_TIMEOUT_MS)),
      );
    } catch (error) {
      throw this.translate(error, subject);
    }
  }

  private translate(error: unknown, subject: string): DomainError {
    const service = subject.split('.')[0];
    if (DomainError.isPayload(error))
      return new DomainError(error.code, error.message, error.details);
    if (error instanceof TimeoutError) {
      return new DomainError(
        ErrorCode.SERVICE_TIMEOUT,
        `The ${service} service did not answer within ${this.config.PEER_TIMEOUT_MS} ms`,
        { service },
      );
    }
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${service} service is unavailable`, {
      service,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
