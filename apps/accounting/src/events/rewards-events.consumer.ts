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
    this.consumers.subscribe<MerchantCreatedEvent>({
      type: RewardsEvents.merchantCreated,
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
      type: RewardsEvents.voucherRedeemed,
      handler: async ({ data }, manager) => {
        await this.holds.post(
          {
            holdId: data.holdId,
            idempotencyKey: `voucher:${data.voucherId}:redeemed`,
            memo: data.offerTitle.slice(0, 500),
          },
          manager,
        );
      },
    });
    this.consumers.subscribe<VoucherClosedEvent>({
      type: RewardsEvents.voucherClosed,
      handler: async ({ data }, manager) => {
        await this.holds.void({ holdId: data.holdId }, manager);
      },
    });
  }
}
