/** Request–reply subjects of the rewards service (prefix added by the transport). */
export const RewardsSubjects = {
  health: 'rewards.health.check',
  merchantCreate: 'rewards.merchant.create',
  offerCreate: 'rewards.offer.create',
  offerApprove: 'rewards.offer.approve',
  offerPause: 'rewards.offer.pause',
  offerResume: 'rewards.offer.resume',
  offerList: 'rewards.offer.list',
  offerClaim: 'rewards.offer.claim',
  voucherMine: 'rewards.voucher.mine',
  voucherRedeem: 'rewards.voucher.redeem',
  voucherCancel: 'rewards.voucher.cancel',
  redemptionList: 'rewards.redemption.list',
  settlementCreate: 'rewards.settlement.create',
  settlementList: 'rewards.settlement.list',
} as const;

/** Internal: other services ask about merchants (no actor rules; never exposed over HTTP). */
export const RewardsInternalSubjects = {
  merchantGet: 'rewards.merchant.get',
  /** HoldOwnerCheckQuery → HoldOwnerAnswer: does the voucher hold this hold? */
  holdOwnerCheck: 'rewards.hold-owner.check',
} as const;

/** Durable events the rewards service publishes (JetStream, through its outbox). */
export const RewardsEvents = {
  /** MerchantCreatedEvent: the ledger opens the merchant's account under its name. */
  merchantCreated: 'rewards.merchant.created',
  /** VoucherRedeemedEvent: the ledger posts the voucher's hold to the merchant. */
  voucherRedeemed: 'rewards.voucher.redeemed',
  /** VoucherClosedEvent: the ledger voids the voucher's hold. */
  voucherClosed: 'rewards.voucher.closed',
} as const;

/** `rewards.merchant.created` */
export interface MerchantCreatedEvent {
  merchantId: string;
  name: string;
  communityId: string;
}

/** `rewards.voucher.redeemed` */
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

/** `rewards.voucher.closed`: a voucher ended unused; its hold is released. */
export interface VoucherClosedEvent {
  voucherId: string;
  holdId: string;
  reason: 'cancelled' | 'expired';
}
