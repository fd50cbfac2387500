import { uuidFromKey } from '@app/common';

/**
 * The id of the voucher a claim with this (caller-scoped) Idempotency-Key
 * makes: a retry names the same voucher, so its hold is the same hold.
 */
export function voucherIdFor(idempotencyKey: string): string {
  return uuidFromKey(`voucher:${idempotencyKey}`);
}

/** The ledger hold's key: one hold per voucher, whoever retries. */
export function holdKeyFor(voucherId: string): string {
  return `voucher:${voucherId}:hold`;
}

/** The id of the settlement a POST with this (caller-scoped) Idempotency-Key makes. */
export function settlementIdFor(idempotencyKey: string): string {
  return uuidFromKey(`settlement:${idempotencyKey}`);
}

/**
 * When a voucher claimed at `now` expires: the lifetime, rounded up to a whole
 * minute (or to the lifetime, when shorter), so a retry of the same claim a
 * moment later asks the ledger for the very same hold.
 */
export function voucherExpiry(now: Date, ttlSeconds: number): Date {
  const step = Math.min(60, ttlSeconds) * 1000;
  return new Date(Math.ceil((now.getTime() + ttlSeconds * 1000) / step) * step);
}
