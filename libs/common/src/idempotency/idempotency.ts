import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** JSON with keys sorted and undefined left out, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * How a service writes its fingerprints. They are stored, and a retry's is
 * compared with the stored one, so a service never changes its format:
 * - `fields-hex` (requests, rewards): the top-level fields as sorted
 *   [name, value] pairs, a missing value as null; SHA-256 in hex.
 * - `document-base64url` (accounting): the whole content, undefined left out;
 *   SHA-256 in base64url.
 */
export type FingerprintFormat = 'fields-hex' | 'document-base64url';

/** A stable digest of a command's content, to tell a retry from another command. */
export function fingerprint(content: Record<string, unknown>, format: FingerprintFormat): string {
  const sha256 = createHash('sha256');
  if (format === 'document-base64url')
    return sha256.update(canonicalJson(content)).digest('base64url');
  const fields = Object.keys(content)
    .sort()
    .map((key) => [key, content[key] ?? null]);
  return sha256.update(canonicalJson(fields)).digest('hex');
}

/**
 * A UUID-shaped digest (RFC 9562 version 8, custom) of a caller-scoped key: a
 * retry with the same key names the same row. Stored as ids: never change it.
 */
export function uuidFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The same Idempotency-Key came with another command. */
export function idempotencyMismatch(): DomainError {
  return DomainError.of(ErrorCode.IDEMPOTENCY_MISMATCH, 'idempotency.mismatch');
}
