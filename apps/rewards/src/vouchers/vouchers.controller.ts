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
  VoucherPage,
  VoucherView,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { VouchersService } from './vouchers.service';

@Controller()
export class VouchersController {
  constructor(private readonly vouchers: VouchersService) {}

  @Handles(RewardsMessages.holdOwnerCheck)
  holdOwnerCheck(query: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return this.vouchers.holdsHold(query);
  }

  @Handles(RewardsMessages.offerClaim)
  claim(command: ClaimOfferCommand, actor: Actor | null): Promise<VoucherView> {
    return this.vouchers.claim(actor, command);
  }

  @Handles(RewardsMessages.voucherListMine)
  mine(query: MyVouchersQuery, actor: Actor | null): Promise<VoucherPage> {
    return this.vouchers.mine(actor, query);
  }

  @Handles(RewardsMessages.voucherRedeem)
  redeem(command: RedeemVoucherCommand, actor: Actor | null): Promise<RedeemedVoucherView> {
    return this.vouchers.redeem(actor, command);
  }

  @Handles(RewardsMessages.voucherCancel)
  cancel({ id }: RewardsIdCommand, actor: Actor | null): Promise<VoucherView> {
    return this.vouchers.cancel(actor, id);
  }

  @Handles(RewardsMessages.redemptionList)
  redemptions(query: MerchantRedemptionsQuery, actor: Actor | null): Promise<RedemptionPage> {
    return this.vouchers.redemptions(actor, query);
  }
}
