import { CARD_NUMBER_LENGTH, luhnCheckDigit } from '@app/contracts';
import { randomInt } from 'node:crypto';

/**
 * A new member card number: nine random digits (the first never 0, so the
 * number survives a spreadsheet) and the Luhn check digit. Random rather than
 * sequential, so a card tells nothing of how many members there are and one
 * card number does not lead to a neighbour's. Unique only by the database's
 * index: callers retry on the (rare) collision.
 */
export function newCardNumber(): string {
  const payload = String(randomInt(10 ** (CARD_NUMBER_LENGTH - 2), 10 ** (CARD_NUMBER_LENGTH - 1)));
  return `${payload}${luhnCheckDigit(payload)}`;
}
