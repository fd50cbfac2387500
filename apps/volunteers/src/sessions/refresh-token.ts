import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: what the client keeps. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps: the token's SHA-256, so a leaked table opens no session. */
export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
