import { ErrorCode } from '@app/common';
import { rateLimited, redemptionRefusal, retryAfterSeconds } from './voucher-rules';

const NOW = new Date('2026-05-03T08:00:00Z');
const WINDOW = 900;
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('when a counter refused for too many failures may try again', () => {
  it('once the failure that reached the limit leaves the window', () => {
    expect(retryAfterSeconds([ago(840)], WINDOW, NOW)).toBe(60);
    expect(retryAfterSeconds([ago(0)], WINDOW, NOW)).toBe(WINDOW);
  });

  it('waits for the later of the staff member’s and the merchant’s limits', () => {
    expect(retryAfterSeconds([ago(840), ago(300)], WINDOW, NOW)).toBe(600);
  });

  it('never says 0 (a client would retry at once), nor more than the window', () => {
    expect(retryAfterSeconds([ago(899.5)], WINDOW, NOW)).toBe(1);
    expect(retryAfterSeconds([ago(WINDOW)], WINDOW, NOW)).toBe(1);
    expect(retryAfterSeconds([new Date(NOW.getTime() + 5000)], WINDOW, NOW)).toBe(WINDOW);
  });

  it('carries the wait and the reason for the gateway to show', () => {
    expect(rateLimited(42).details).toEqual({
      retryAfterSeconds: 42,
      reason: 'too_many_failures',
    });
  });
});

describe('why a code is refused at the counter', () => {
  const voucher = { merchantId: 'm1', status: 'issued' as const, expiresAt: ago(-3600) };

  it('tells used, cancelled and expired apart', () => {
    const reasonOf = (facts: Parameters<typeof redemptionRefusal>[0]) =>
      redemptionRefusal(facts, 'm1', NOW)?.error.details?.reason;
    expect(reasonOf({ ...voucher, status: 'redeemed' })).toBe('redeemed');
    expect(reasonOf({ ...voucher, status: 'cancelled' })).toBe('cancelled');
    expect(reasonOf({ ...voucher, status: 'expired' })).toBe('expired');
    expect(reasonOf({ ...voucher, expiresAt: ago(1) })).toBe('expired');
    expect(reasonOf(voucher)).toBeUndefined();
  });

  it('says another shop’s code is not found, exactly as a code that does not exist', () => {
    const theirs = redemptionRefusal(voucher, 'm2', NOW)!;
    const none = redemptionRefusal(null, 'm1', NOW)!;
    expect(theirs.error.code).toBe(ErrorCode.NOT_FOUND);
    expect([theirs.error.details, theirs.error.message]).toEqual([
      none.error.details,
      none.error.message,
    ]);
    expect(theirs.error.details?.reason).toBe('not_found');
  });
});
