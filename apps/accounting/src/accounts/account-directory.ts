import {
  DomainError,
  ErrorCode,
  PrefixedNatsClient,
  RpcEnvelope,
  currentRequestId,
} from '@app/common';
import {
  CommunityView,
  MemberSummary,
  VolunteersInternalSubjects,
  VolunteersSubjects,
} from '@app/contracts';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { AccountingConfig } from '../accounting.config';

/**
 * Asks the volunteers service about owners the ledger has not heard of yet
 * (their announcement may still be on its way).
 */
export abstract class AccountDirectory {
  /** The member, or null when the volunteers service knows no such member. */
  abstract findMember(memberId: string): Promise<MemberSummary | null>;
  /** The community, or null when there is none with this id. */
  abstract findCommunity(communityId: string): Promise<{ id: string; name: string } | null>;
}

@Injectable()
export class NatsAccountDirectory extends AccountDirectory implements OnApplicationShutdown {
  private readonly client: PrefixedNatsClient;

  constructor(private readonly config: AccountingConfig) {
    super();
    this.client = new PrefixedNatsClient(
      {
        servers: config.NATS_URL.split(','),
        name: 'accounting-directory',
        maxReconnectAttempts: -1,
      },
      config.NATS_SUBJECT_PREFIX,
    );
  }

  async findMember(memberId: string): Promise<MemberSummary | null> {
    try {
      return await this.call<MemberSummary>(VolunteersInternalSubjects.memberLookup, {
        id: memberId,
      });
    } catch (error) {
      if (DomainError.isPayload(error) && error.code === ErrorCode.NOT_FOUND) return null;
      throw this.unavailable(error);
    }
  }

  async findCommunity(communityId: string): Promise<{ id: string; name: string } | null> {
    let communities: CommunityView[];
    try {
      communities = await this.call<CommunityView[]>(VolunteersSubjects.communityList, {});
    } catch (error) {
      throw this.unavailable(error);
    }
    const found = communities.find((c) => c.id === communityId);
    return found ? { id: found.id, name: found.name } : null;
  }

  private call<T>(subject: string, data: unknown): Promise<T> {
    const envelope: RpcEnvelope = { requestId: currentRequestId() ?? 'none', actor: null, data };
    return firstValueFrom(
      this.client.send<T>(subject, envelope).pipe(timeout(this.config.LOOKUP_TIMEOUT_MS)),
    );
  }

  private unavailable(error: unknown): DomainError {
    if (DomainError.isPayload(error))
      return new DomainError(error.code, error.message, error.details);
    if (error instanceof TimeoutError) {
      return new DomainError(
        ErrorCode.SERVICE_TIMEOUT,
        `The volunteers service did not answer within ${this.config.LOOKUP_TIMEOUT_MS} ms`,
        { service: 'volunteers' },
      );
    }
    return new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The volunteers service could not be asked about an account owner',
      { service: 'volunteers', reason: (error as Error)?.message ?? String(error) },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
