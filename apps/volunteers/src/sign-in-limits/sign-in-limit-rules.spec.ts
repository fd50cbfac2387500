import { ErrorCode } from '@app/common';
import { normaliseLogin } from '../members/phone';
import { BucketCount, bucketsOf, tooManyAttempts, waitBeforeRetry } from './sign-in-limit-rules';

const CEILINGS = { account_address: 5, account: 20, address: 100 };

function counts(failures: Partial<Record<BucketCount['kind'], [number, number]>>): BucketCount[] {
  return Object.entries(failures).map(([kind, [count, secondsLeft]]) => ({
    kind: kind as BucketCount['kind'],
    subject: 's',
    failures: count,
    secondsLeft,
    windowEndsAt: '2026-01-01 00:00:00+00',
  }));
}

describe('bucketsOf', () => {
  const phone = (typed: string) => bucketsOf(normaliseLogin(typed, 'CN'), '192.0.2.1');

  it('gives every notation of one phone number the same buckets', () => {
    expect(phone('+86.138.0000.3521')).toEqual(phone('13800003521'));
    expect(phone('008613800003521')).toEqual(phone('+86 138 0000 3521'));
  });

  it('keeps the account but not the account-and-address bucket from another address', () => {
    const here = bucketsOf(normaliseLogin('li@example.cn', 'CN'), '192.0.2.1');
    const there = bucketsOf(normaliseLogin('LI@example.cn', 'CN'), '198.51.100.1');
    const byKind = (buckets: typeof here, kind: string) => buckets.find((b) => b.kind === kind);
    expect(byKind(there, 'account')).toEqual(byKind(here, 'account'));
    expect(byKind(there, 'account_address')).not.toEqual(byKind(here, 'account_address'));
    expect(byKind(there, 'address')).not.toEqual(byKind(here, 'address'));
  });

  it('stores digests, never the login or the address', () => {
    const text = JSON.stringify(bucketsOf(normaliseLogin('li@example.cn', 'CN'), '192.0.2.1'));
    expect(text).not.toContain('li@example.cn');
    expect(text).not.toContain('192.0.2.1');
  });
});

describe('waitBeforeRetry', () => {
  it('lets an attempt through up to each ceiling, this attempt included', () => {
    expect(
      waitBeforeRetry(
        counts({ account_address: [5, 800], account: [20, 800], address: [100, 800] }),
        CEILINGS,
      ),
    ).toBeNull();
  });

  it('refuses past any one ceiling, for as long as the fullest bucket needs', () => {
    expect(
      waitBeforeRetry(counts({ account_address: [6, 300], account: [7, 900] }), CEILINGS),
    ).toBe(300);
    expect(
      waitBeforeRetry(
        counts({ account_address: [6, 300], account: [21, 900], address: [1, 50] }),
        CEILINGS,
      ),
    ).toBe(900);
  });

  it('never says to wait less than a second', () => {
    expect(waitBeforeRetry(counts({ address: [101, 0] }), CEILINGS)).toBe(1);
  });
});

describe('tooManyAttempts', () => {
  it('is RATE_LIMITED carrying the wait the gateway turns into Retry-After', () => {
    const error = tooManyAttempts(42);
    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(error.details).toEqual({ retryAfterSeconds: 42 });
  });
});
