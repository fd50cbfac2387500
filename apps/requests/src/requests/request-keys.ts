import { createHash } from 'node:crypto';

/**
 * The id of the request a POST with this (caller-scoped) Idempotency-Key makes:
 * a retry names the same request, so its hold is the same hold.
 */
export function requestIdFor(idempotencyKey: string): string {
  const hex = createHash('sha256').update(`help-request:${idempotencyKey}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The ledger hold's key: one hold per request, whoever retries. */
export function holdKeyFor(requestId: string): string {
  return `request:${requestId}:hold`;
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
