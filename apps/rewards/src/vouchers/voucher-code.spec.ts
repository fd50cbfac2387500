import { VOUCHER_CODE_ALPHABET } from '@app/contracts';
import { isWellFormedCode, newVoucherCode, normaliseCode, qrPayloadOf } from './voucher-code';
import { voucherExpiry } from './voucher-keys';

describe('voucher codes', () => {
  it('use 31 symbols without the look-alikes 0/O and 1/I/L', () => {
    expect(VOUCHER_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(VOUCHER_CODE_ALPHABET).size).toBe(31);
    expect(VOUCHER_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('are 8 symbols, every one of the alphabet reachable', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newVoucherCode();
      expect(isWellFormedCode(code)).toBe(true);
      for (const symbol of code) seen.add(symbol);
    }
    expect(seen.size).toBe(31);
    expect(newVoucherCode(() => 0)).toBe('22222222');
    expect(newVoucherCode(() => 30)).toBe('ZZZZZZZZ');
  });

  it('read back as typed or scanned', () => {
    expect(normaliseCode(' k7qm-3xpa ')).toBe('K7QM3XPA');
    expect(normaliseCode(qrPayloadOf('K7QM3XPA'))).toBe('K7QM3XPA');
    expect(isWellFormedCode(normaliseCode('K7QM 3XP0'))).toBe(false);
  });

  it('expire after their lifetime, rounded up so that a retry asks for the same hold', () => {
    const a = voucherExpiry(new Date('2026-05-01T10:00:00.100Z'), 30 * 24 * 3600);
    const b = voucherExpiry(new Date('2026-05-01T10:00:59.900Z'), 30 * 24 * 3600);
    expect(a.toISOString()).toBe('2026-05-31T10:01:00.000Z');
    expect(b).toEqual(a);
    expect(voucherExpiry(new Date('2026-05-01T10:00:00.500Z'), 2).toISOString()).toBe(
      '2026-05-01T10:00:04.000Z',
    );
  });
});
