/**
 * A voucher code as the counter reads it, typed or scanned. The rewards service
 * reads codes the same way (apps/rewards voucher-code.ts); the counter checks the
 * shape first so that a slip of the finger is caught on the phone and never counts
 * as a failed attempt against the shop's limit.
 */

/** The 31 symbols of a code: no 0/O or 1/I/L, which people confuse. */
export const VOUCHER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VOUCHER_CODE_LENGTH = 8;
/** What the member's voucher page puts in front of the code in its QR code. */
export const VOUCHER_QR_PREFIX = 'TB:V1:';

const WELL_FORMED = new RegExp(`^[${VOUCHER_CODE_ALPHABET}]{${VOUCHER_CODE_LENGTH}}$`);

export interface ReadCode {
  /** The code in its stored form: upper case, without spaces, dashes or the QR prefix. */
  code: string;
  /** Could be a voucher code at all. */
  wellFormed: boolean;
}

/**
 * "ab-cd efgh", "ＡＢＣＤ－ＥＦＧＨ" (a Chinese keyboard's full-width letters) and
 * "TB:V1:ABCDEFGH" all read as ABCDEFGH.
 */
export function readCode(input: string): ReadCode {
  const upper = input.normalize('NFKC').trim().toUpperCase();
  const bare = upper.startsWith(VOUCHER_QR_PREFIX) ? upper.slice(VOUCHER_QR_PREFIX.length) : upper;
  const code = bare.replace(/[\s\-‐‑‒–—―_.·]/g, '');
  return { code, wellFormed: WELL_FORMED.test(code) };
}

/** Whether a scanned QR code is a voucher's at all (a member card's is not). */
export function isVoucherPayload(payload: string): boolean {
  const trimmed = payload.trim();
  return trimmed.toUpperCase().startsWith(VOUCHER_QR_PREFIX) || readCode(trimmed).wellFormed;
}

/** In groups of four, as it is printed on the member's voucher and read aloud. */
export function spacedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}
