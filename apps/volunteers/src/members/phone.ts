import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { hasNulCharacter } from '../stored-text';

/**
 * The one normal form of a phone number (E.164), used both when a member is
 * stored and when someone signs in with it; null when it is not a valid number.
 */
export function normalisePhone(input: string, defaultRegion: string): string | null {
  const parsed = parsePhoneNumberFromString(input, defaultRegion as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** A login holding "@" is an e-mail; anything else is read as a phone number. */
export function isEmailLogin(login: string): boolean {
  return login.includes('@');
}

/**
 * A login as typed at sign-in, in the one form that finds its member and
 * counts its failed attempts: every notation that reaches an account is
 * counted as that account. `other` is a login no member can have.
 */
export type NormalisedLogin =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'other'; value: string };

export function normaliseLogin(login: string, defaultRegion: string): NormalisedLogin {
  const trimmed = login.trim();
  // PostgreSQL text cannot hold U+0000: such a login is nobody's, but it is still counted.
  if (hasNulCharacter(trimmed)) return { kind: 'other', value: trimmed.toLowerCase() };
  if (isEmailLogin(trimmed)) return { kind: 'email', value: trimmed.toLowerCase() };
  const phone = normalisePhone(trimmed, defaultRegion);
  return phone ? { kind: 'phone', value: phone } : { kind: 'other', value: trimmed.toLowerCase() };
}
