import { EventConsumers } from '@app/common';
import {
  MerchantCreatedEvent,
  RewardsEvents,
  VoucherClosedEvent,
  VoucherRedeemedEvent,
} from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository';
import { HoldsService } from '../holds/holds.service';

/**
 * The ledger's side of rewards: a merchant's account under its name and
 * community; a redeemed voucher's hold posted to the merchant, once (the key is
 * the voucher); an unused voucher's hold released.
 */
@Injectable()
export class RewardsEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly accounts: AccountsRepository,
    private readonly holds: HoldsService,
  ) {}

  onModuleInit(): void {
    const streamSubjects = Object.values(RewardsEvents);
    this.consumers.subscribe<MerchantCreatedEvent>({
      producer: 'rewards',
      type: RewardsEvents.merchantCreated,
      streamSubjects,
      handler: ({ data }, manager) =>
        this.accounts.upsertFromEvent(
          {
            ownerType: 'merchant',
            ownerId: data.merchantId,
            communityId: data.communityId,
            displayName: data.name,
          },
          manager,
        ),
    });
    this.consumers.subscribe<VoucherRedeemedEvent>({
      producer: 'rewards',
      type: RewardsEvents.voucherRedeemed,
      streamSubjects,
      handler: async ({ data }) => {
        await this.holds.post({
          holdId: data.holdId,
          idempotencyKey: `voucher:${data.voucherId}:redeemed`,
          memo: data.offerTitle.slice(0, 500),
        });
      },
    });
    this.consumers.subscribe<VoucherClosedEvent>({
      producer: 'rewards',
      type: RewardsEvents.voucherClosed,
      streamSubjects,
      handler: async ({ data }) => {
        await this.holds.void({ holdId: data.holdId });
      },
    });
  }
}
