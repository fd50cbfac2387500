import { VOUCHER_CODE_ALPHABET, VOUCHER_CODE_LENGTH, VOUCHER_QR_PREFIX } from '@app/contracts';
import { randomInt } from 'node:crypto';

const WELL_FORMED = new RegExp(`^[${VOUCHER_CODE_ALPHABET}]{${VOUCHER_CODE_LENGTH}}$`);

/**
 * A fresh code: each symbol drawn uniformly (crypto.randomInt has no modulo
 * bias) from the 31 without look-alikes, so 8 of them carry 8·log2(31) ≈ 39.6 bits.
 */
export function newVoucherCode(draw: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < VOUCHER_CODE_LENGTH; i++) code += VOUCHER_CODE_ALPHABET[draw(31)];
  return code;
}

export function qrPayloadOf(code: string): string {
  return `${VOUCHER_QR_PREFIX}${code}`;
}

/** A code as typed or scanned, in its stored form: the QR prefix, case, spaces and dashes dropped. */
export function normaliseCode(input: string): string {
  const upper = input.trim().toUpperCase();
  const bare = upper.startsWith(VOUCHER_QR_PREFIX) ? upper.slice(VOUCHER_QR_PREFIX.length) : upper;
  return bare.replace(/[\s-]/g, '');
}

/** Whether `code` could be a voucher code at all (what is not cannot be looked up). */
export function isWellFormedCode(code: string): boolean {
  return WELL_FORMED.test(code);
}
