import { uuidFromKey } from '@app/common';

/**
 * The id of the request a POST with this (caller-scoped) Idempotency-Key makes:
 * a retry names the same request, so its hold is the same hold.
 */
export function requestIdFor(idempotencyKey: string): string {
  return uuidFromKey(`help-request:${idempotencyKey}`);
}

/** The ledger hold's key: one hold per request, whoever retries. */
export function holdKeyFor(requestId: string): string {
  return `request:${requestId}:hold`;
}
