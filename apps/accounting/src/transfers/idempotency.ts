import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '@app/common';
import { AccountOwnerRef } from '@app/contracts';

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

export function requestHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('base64url');
}

/**
 * Keys are chosen by callers, so two members may both send "1": a key is
 * stored within the scope of the command and of who sent it.
 */
export function scopedKey(command: string, actorId: string | null, key: string): string {
  return `${command}|${actorId ?? 'service'}|${key}`;
}

/** The caller's own key inside a scoped one (it may hold "|" itself). */
export function callerKeyOf(scoped: string): string {
  return scoped.split('|').slice(2).join('|');
}

export function idempotencyMismatch(): DomainError {
  return DomainError.of(ErrorCode.IDEMPOTENCY_MISMATCH, 'credits.idempotencyMismatch');
}

/** How a request names an account in its hash: by owner, as the caller wrote it. */
export function ownerKey(owner: AccountOwnerRef): string {
  return owner.type === 'issuance' ? 'issuance' : `${owner.type}:${owner.id}`;
}
