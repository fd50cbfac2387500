import { event } from '../message';

/** `rewards.merchant.created`: the ledger opens the merchant's account under its name. */
export interface MerchantCreatedEvent {
  merchantId: string;
  name: string;
  communityId: string;
}

/** `rewards.voucher.redeemed`: the ledger posts the voucher's hold to the merchant. */
export interface VoucherRedeemedEvent {
  voucherId: string;
  holdId: string;
  offerId: string;
  merchantId: string;
  memberId: string;
  minutes: number;
  offerTitle: string;
  redeemedAt: string;
}

/** `rewards.voucher.closed`: a voucher ended unused; the ledger voids its hold. */
export interface VoucherClosedEvent {
  voucherId: string;
  holdId: string;
  reason: 'cancelled' | 'expired';
}

/** `rewards.voucher.expiring`: an unused voucher expires within days; once per voucher. */
export interface VoucherExpiringEvent {
  voucherId: string;
  memberId: string;
  offerTitle: string;
  expiresAt: string;
}

/** Durable events the rewards service publishes (JetStream, through its outbox). */
export const RewardsEvents = {
  merchantCreated: event<MerchantCreatedEvent>('rewards.merchant.created'),
  voucherRedeemed: event<VoucherRedeemedEvent>('rewards.voucher.redeemed'),
  voucherClosed: event<VoucherClosedEvent>('rewards.voucher.closed'),
  voucherExpiring: event<VoucherExpiringEvent>('rewards.voucher.expiring'),
} as const;
