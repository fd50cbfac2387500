import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

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
