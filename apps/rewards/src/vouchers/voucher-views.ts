import { RedeemedVoucherView, RedemptionView, VoucherView } from '@app/contracts';
import { qrPayloadOf } from './voucher-code';
import { VoucherEntity } from './vouchers.entity';

export function toVoucherView(voucher: VoucherEntity): VoucherView {
  return {
    voucherId: voucher.id,
    code: voucher.code,
    qrPayload: qrPayloadOf(voucher.code),
    offerId: voucher.offerId,
    offerTitle: voucher.offerTitle,
    merchantId: voucher.merchantId,
    discount: voucher.discount,
    creditCostMinutes: voucher.creditCostMinutes,
    status: voucher.status,
    expiresAt: voucher.expiresAt.toISOString(),
    createdAt: voucher.createdAt.toISOString(),
    redeemedAt: voucher.redeemedAt?.toISOString() ?? null,
    cancelledAt: voucher.cancelledAt?.toISOString() ?? null,
  };
}

export function toRedeemedView(voucher: VoucherEntity): RedeemedVoucherView {
  return {
    voucherId: voucher.id,
    status: 'redeemed',
    offerId: voucher.offerId,
    offerTitle: voucher.offerTitle,
    memberDisplayName: voucher.memberDisplayName,
    discount: voucher.discount,
    creditCostMinutes: voucher.creditCostMinutes,
    redeemedAt: (voucher.redeemedAt as Date).toISOString(),
  };
}

export function toRedemptionView(voucher: VoucherEntity): RedemptionView {
  return {
    voucherId: voucher.id,
    offerId: voucher.offerId,
    offerTitle: voucher.offerTitle,
    memberId: voucher.memberId,
    memberDisplayName: voucher.memberDisplayName,
    discount: voucher.discount,
    creditCostMinutes: voucher.creditCostMinutes,
    redeemedAt: (voucher.redeemedAt as Date).toISOString(),
    redeemedBy: voucher.redeemedBy as string,
  };
}
