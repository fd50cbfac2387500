import { Handles } from '@app/common';
import {
  Actor,
  ClaimOfferCommand,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
  MerchantRedemptionsQuery,
  MyVouchersQuery,
  RedeemedVoucherView,
  RedeemVoucherCommand,
  RedemptionPage,
  RewardsIdCommand,
  RewardsMessages,
  RewardsSubjects,
  VoucherPage,
  VoucherView,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VouchersService } from './vouchers.service';

@Controller()
export class VouchersController {
  constructor(private readonly vouchers: VouchersService) {}

  @Handles(RewardsMessages.holdOwnerCheck)
  holdOwnerCheck(query: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return this.vouchers.holdsHold(query);
  }

  @MessagePattern(RewardsSubjects.offerClaim)
  claim(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: ClaimOfferCommand,
  ): Promise<VoucherView> {
    return this.vouchers.claim(actor, command);
  }

  @MessagePattern(RewardsSubjects.voucherMine)
  mine(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: MyVouchersQuery,
  ): Promise<VoucherPage> {
    return this.vouchers.mine(actor, query);
  }

  @MessagePattern(RewardsSubjects.voucherRedeem)
  redeem(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: RedeemVoucherCommand,
  ): Promise<RedeemedVoucherView> {
    return this.vouchers.redeem(actor, command);
  }

  @MessagePattern(RewardsSubjects.voucherCancel)
  cancel(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: RewardsIdCommand,
  ): Promise<VoucherView> {
    return this.vouchers.cancel(actor, id);
  }

  @MessagePattern(RewardsSubjects.redemptionList)
  redemptions(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: MerchantRedemptionsQuery,
  ): Promise<RedemptionPage> {
    return this.vouchers.redemptions(actor, query);
  }
}
