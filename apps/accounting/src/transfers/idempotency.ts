import { fingerprint } from '@app/common';
import { AccountOwnerRef } from '@app/contracts';

// The one factory (libs/common), named here too so the ledger's holds and transfers keep one import.

/** The ledger's fingerprint of a command, stored with its hold or transfer. */
export function requestHash(content: Record<string, unknown>): string {
  return fingerprint(content, 'document-base64url');
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

/** How a request names an account in its hash: by owner, as the caller wrote it. */
export function ownerKey(owner: AccountOwnerRef): string {
  return owner.type === 'issuance' ? 'issuance' : `${owner.type}:${owner.id}`;
}
