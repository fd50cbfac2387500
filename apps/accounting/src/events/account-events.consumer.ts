import { EventConsumers } from '@app/common';
import { CommunityCreatedEvent, MemberCreatedEvent, VolunteersEvents } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository';

/** Accounts appear when their owners do: members and community funds, from the volunteers service. */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly accounts: AccountsRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<MemberCreatedEvent>({
      type: VolunteersEvents.memberCreated,
      handler: ({ data }, manager) =>
        this.accounts.upsertFromEvent(
          {
            ownerType: 'member',
            ownerId: data.memberId,
            communityId: data.communityId,
            displayName: data.displayName,
          },
          manager,
        ),
    });
    this.consumers.subscribe<CommunityCreatedEvent>({
      type: VolunteersEvents.communityCreated,
      handler: ({ data }, manager) =>
        this.accounts.upsertFromEvent(
          {
            ownerType: 'community_fund',
            ownerId: data.communityId,
            communityId: data.communityId,
            displayName: data.name,
          },
          manager,
        ),
    });
  }
}
