import { createHash } from 'node:crypto';

/** A UUID-shaped digest (RFC 9562 version 8, custom) of `text`. */
function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id of the voucher a claim with this (caller-scoped) Idempotency-Key
 * makes: a retry names the same voucher, so its hold is the same hold.
 */
export function voucherIdFor(idempotencyKey: string): string {
  return uuidOf(`voucher:${idempotencyKey}`);
}

/** The ledger hold's key: one hold per voucher, whoever retries. */
export function holdKeyFor(voucherId: string): string {
  return `voucher:${voucherId}:hold`;
}

/** The id of the settlement a POST with this (caller-scoped) Idempotency-Key makes. */
export function settlementIdFor(idempotencyKey: string): string {
  return uuidOf(`settlement:${idempotencyKey}`);
}

/** A stable digest of a command's content, to tell a retry from another command. */
export function fingerprint(content: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(content)
      .sort()
      .map((key) => [key, content[key] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('hex');
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
