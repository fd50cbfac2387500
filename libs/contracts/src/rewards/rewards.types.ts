export const MERCHANT_STATUSES = ['active'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

export const OFFER_STATUSES = ['pending_approval', 'active', 'paused'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

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
