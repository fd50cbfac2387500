import { ValidateBy } from 'class-validator';

/**
 * Member card numbers: 10 digits, the last a Luhn check digit (ISO/IEC 7812-1).
 *
 * Luhn because a member card is an identification card in the sense of
 * ISO/IEC 7812, and the scheme every card reader, point-of-sale form and
 * spreadsheet already checks: one decimal digit (no "X" as in ISO 7064 MOD 11-2,
 * no two digits as in MOD 97-10), catching every single mistyped digit and every
 * swap of two neighbours except 09/90 — the typos a coordinator reading a card
 * aloud makes.
 */
export const CARD_NUMBER_LENGTH = 10;

/** The Luhn check digit of `payload` (digits only). */
export function luhnCheckDigit(payload: string): number {
  if (!/^[0-9]+$/.test(payload)) throw new Error('a Luhn payload is digits only');
  let sum = 0;
  // From the right, every other digit starting with the rightmost payload digit is doubled.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for 10 digits whose last is the Luhn check digit of the first nine. */
export function isValidCardNumber(digits: string): boolean {
  return (
    digits.length === CARD_NUMBER_LENGTH &&
    /^[0-9]+$/.test(digits) &&
    luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48
  );
}

/**
 * A card number as people write it ("1234 5678 90", "1234-567890") down to
 * its digits; null when what is left is not ten digits.
 */
export function cardNumberDigits(typed: string): string | null {
  if (!/^[0-9][0-9 -]*$/.test(typed.trim())) return null;
  const digits = typed.replace(/[ -]/g, '');
  return digits.length === CARD_NUMBER_LENGTH ? digits : null;
}

/** A card number in any notation `cardNumberDigits` reads, with a right check digit. */
export function IsCardNumber(field: string): PropertyDecorator {
  return ValidateBy({
    name: 'isCardNumber',
    validator: {
      validate: (value: unknown) => {
        const digits = typeof value === 'string' ? cardNumberDigits(value) : null;
        return digits !== null && isValidCardNumber(digits);
      },
      defaultMessage: () => `${field} must be a member card number (10 digits, check digit right)`,
    },
  });
}
