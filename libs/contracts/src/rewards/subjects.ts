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
} as const;
