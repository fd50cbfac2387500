export const ACCOUNT_OWNER_TYPES = ['member', 'merchant', 'community_fund', 'issuance'] as const;
export type AccountOwnerType = (typeof ACCOUNT_OWNER_TYPES)[number];

export const TRANSFER_KINDS = [
  'service',
  'gift',
  'redemption',
  'allocation',
  'settlement',
  'reversal',
  'adjustment',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const HOLD_STATUSES = ['open', 'posted', 'voided', 'expired'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** No single movement of credits is larger than this (about 19 years of minutes). */
export const MAX_TRANSFER_MINUTES = 10_000_000;

/** Idempotency keys as the Idempotency-Key header carries them. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
