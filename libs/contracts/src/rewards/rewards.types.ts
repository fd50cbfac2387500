export const MERCHANT_STATUSES = ['active'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

export const OFFER_STATUSES = ['pending_approval', 'active', 'paused'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * Why the caller may not claim an offer now (`OfferView.eligibility.reason`),
 * in the order they are checked: own merchant, offer state and window, tier,
 * per-member limit, stock, available credits.
 */
export const OFFER_INELIGIBILITY_REASONS = [
  'own_merchant',
  'not_active',
  'not_yet_valid',
  'expired',
  'tier_too_low',
  'limit_reached',
  'sold_out',
  'insufficient_credits',
] as const;
export type OfferIneligibilityReason = (typeof OFFER_INELIGIBILITY_REASONS)[number];

/**
 * Why a redemption was refused, in `Problem.reason` of POST /vouchers/redeem:
 * not_found (no such code, or another shop's: told apart by no one, so guessing
 * codes learns nothing), expired, redeemed (already used), cancelled, and
 * too_many_failures (429; Retry-After says when to try again).
 */
export const REDEEM_REFUSAL_REASONS = [
  'not_found',
  'expired',
  'redeemed',
  'cancelled',
  'too_many_failures',
] as const;
export type RedeemRefusalReason = (typeof REDEEM_REFUSAL_REASONS)[number];

export const VOUCHER_STATUSES = ['issued', 'redeemed', 'cancelled', 'expired'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export const DISCOUNT_KINDS = ['percent', 'amount', 'item'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

/**
 * Voucher codes: 8 symbols from the 31 letters and digits left once the
 * look-alikes 0/O and 1/I/L are taken out (31^8 ≈ 2^39.6).
 */
export const VOUCHER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VOUCHER_CODE_LENGTH = 8;

/** What a voucher's QR code carries: this prefix and the code (QR alphanumeric mode). */
export const VOUCHER_QR_PREFIX = 'TB:V1:';

/** The most vouchers one offer may have. */
export const MAX_OFFER_QUANTITY = 1_000_000;
