/**
 * The rewards service's texts (merchants, offers, claims, vouchers at the
 * counter, settlements) and the field messages of its DTOs, in English.
 * rewards.zh-CN.ts has the same keys and params; en.ts spreads them in.
 */
export const rewardsEn = {
  // Merchants and their offers.
  'rewards.merchant.addForbidden': 'Only coordinators of the community and admins add merchants',
  'rewards.offer.publishForbidden':
    "Only the merchant's staff and coordinators of its community publish its offers",
  'rewards.offer.approveForbidden':
    "Only coordinators of the merchant's community approve its offers",
  'rewards.offer.changeForbidden':
    "Only the merchant's staff and coordinators of its community change its offers",
  'rewards.offer.approveState':
    'This offer is {status}: only pending_approval offers can be approved',
  'rewards.offer.pauseState': 'This offer is {status}: only active offers can be paused',
  'rewards.offer.resumeState': 'This offer is {status}: only paused offers can be resumed',
  'rewards.offer.validUntilAfterFrom': 'validUntil must be after validFrom',
  'rewards.offer.minTierRange': 'minTier must be a tier level from 0 to {top}',
  'rewards.offer.limitAboveQuantity': 'perMemberLimit must be at most quantity',

  // Claiming an offer.
  'rewards.claim.ownMerchant': "Merchant staff cannot claim their own merchant's offers",
  'rewards.claim.notActive': 'This offer is {status}: only active offers can be claimed',
  'rewards.claim.notYetValid': 'This offer is not valid yet',
  'rewards.claim.ended': 'This offer has ended',
  'rewards.claim.tierTooLow': 'This offer needs tier {minTier}; yours is {tier}',
  'rewards.claim.limitReached':
    'You have claimed this offer the most times allowed: the limit is {perMemberLimit}',
  'rewards.claim.soldOut': 'No vouchers are left on this offer',
  'rewards.claim.insufficientCredits':
    'This offer costs {creditCostMinutes} minutes; you have {availableMinutes} available',
  'rewards.claim.refusedKey':
    'A claim with this Idempotency-Key was refused; claim again with a new key',

  // Vouchers: at the counter, and given back.
  'rewards.redeem.staffOnly': 'Only merchant staff redeem vouchers',
  'rewards.redeem.noSuchVoucher': 'Voucher not found',
  'rewards.redeem.expired': 'This voucher has expired',
  'rewards.redeem.already': 'This voucher is already {status}',
  'rewards.redeem.tooManyFailures': 'Too many failed redemptions: try again later',
  'rewards.voucher.cancelState': 'This voucher is {status}: only issued vouchers can be cancelled',
  'rewards.redemptions.forbidden':
    "Only the merchant's staff and coordinators of its community see its redemptions",
  'rewards.settlements.forbidden':
    "Only the merchant's staff and its community's coordinators see its settlements",

  // Settlements.
  'rewards.settle.forbidden': "Only coordinators of the merchant's community settle it",
  'rewards.settle.ownStaff': "A merchant's own staff cannot settle it: another coordinator must",
  'rewards.settle.nothing': 'The merchant has nothing to settle',

  // Field messages of the rewards and ledger DTOs.
  'rewards.discount.percent': '{field} must be a whole percentage from 1 to 100',
  'rewards.discount.amount': '{field} must be an amount above 0 with at most 2 decimals',
  'rewards.discount.item': '{field} must name the item (1 to 200 characters)',
  'rewards.field.phone': '{field} must be a phone number',
} as const;
