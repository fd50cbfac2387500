import { DomainError, ErrorCode } from '@app/common';
import { createHash } from 'node:crypto';
import { NormalisedLogin } from '../members/phone';

/**
 * What failed sign-ins are counted against: the account from one address
 * (a low ceiling: someone guessing from there), the account from anywhere (a
 * higher one: guessing spread over many addresses) and the address across
 * accounts (one client trying many accounts).
 */
export type BucketKind = 'account' | 'account_address' | 'address';

export interface Bucket {
  kind: BucketKind;
  /** A digest of what is counted: the table holds no logins or addresses. */
  subject: string;
}

export interface BucketCount extends Bucket {
  /** Attempts counted in the bucket's window, this one included. */
  failures: number;
  /** The window this attempt was counted in, exactly as stored. */
  windowEndsAt: string;
  secondsLeft: number;
}

export type Ceilings = Record<BucketKind, number>;

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** The three buckets one attempt counts in. */
export function bucketsOf(login: NormalisedLogin, clientAddress: string): Bucket[] {
  const account = [login.kind, login.value];
  return [
    { kind: 'account', subject: digest(...account) },
    { kind: 'account_address', subject: digest(...account, clientAddress) },
    { kind: 'address', subject: digest(clientAddress) },
  ];
}

/**
 * Seconds to wait when counting this attempt took a bucket over its ceiling,
 * else null: the attempt may go on to the password check.
 */
export function waitBeforeRetry(counts: BucketCount[], ceilings: Ceilings): number | null {
  const over = counts.filter((count) => count.failures > ceilings[count.kind]);
  if (over.length === 0) return null;
  // The next attempt gets through only once every full bucket has emptied.
  return Math.max(1, ...over.map((count) => count.secondsLeft));
}

export function tooManyAttempts(retryAfterSeconds: number): DomainError {
  return DomainError.of(
    ErrorCode.RATE_LIMITED,
    'volunteers.signIn.tooManyAttempts',
    { retryAfterSeconds },
    { retryAfterSeconds },
  );
}
