import { cardNumberDigits } from '@app/contracts';
import { normalisePhone } from './phone';

/** How a directory query `q` is matched, decided once from what it looks like. */
export interface MemberSearch {
  /** The query as typed (trimmed): a part of the display name, or of the e-mail. */
  text: string;
  /** One or two characters: matched against names only (a part of an e-mail or phone that short finds everyone). */
  namesOnly: boolean;
  /** The query as an E.164 number, when it is a whole phone number. */
  phone: string | null;
  /** Its digits (3 or more) when it looks like (part of) a phone number, e.g. the last 4. */
  phoneDigits: string | null;
  /** Its 10 digits when it looks like a card number ("1234 5678 90", "1234-567890"). */
  cardNumber: string | null;
}

const PHONE_LIKE = /^[0-9 ()+-]*[0-9][0-9 ()+-]*$/;
const MIN_PHONE_DIGITS = 3;
const SHORT_QUERY = 2;

/** Reads `q`; null when there is nothing to search for (blank). */
export function readMemberSearch(q: string | undefined, phoneRegion: string): MemberSearch | null {
  const text = (q ?? '').trim();
  if (text === '') return null;
  const namesOnly = [...text].length <= SHORT_QUERY;
  if (namesOnly || !PHONE_LIKE.test(text)) {
    return { text, namesOnly, phone: null, phoneDigits: null, cardNumber: null };
  }
  const digits = text.replace(/[^0-9]/g, '');
  return {
    text,
    namesOnly,
    phone: normalisePhone(text, phoneRegion),
    phoneDigits: digits.length >= MIN_PHONE_DIGITS ? digits : null,
    cardNumber: cardNumberDigits(text),
  };
}

/** `text` as a LIKE pattern matching it anywhere: its own `%`, `_` and `\` stand for themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
