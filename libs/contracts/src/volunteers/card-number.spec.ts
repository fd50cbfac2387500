import isLuhnNumber from 'validator/lib/isLuhnNumber';
import { cardNumberDigits, isValidCardNumber, luhnCheckDigit } from './card-number';

describe('member card numbers (Luhn)', () => {
  it('computes the check digits of known Luhn numbers', () => {
    // 79927398713 is the textbook example; 4111111111111111 a well-known test card.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('411111111111111')).toBe(1);
    expect(luhnCheckDigit('000000000')).toBe(0);
    expect(luhnCheckDigit('123456789')).toBe(7);
  });

  it('agrees with validator.js isLuhnNumber on random payloads', () => {
    for (let n = 0; n < 2000; n++) {
      const payload = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
      const card = `${payload}${luhnCheckDigit(payload)}`;
      expect(isValidCardNumber(card)).toBe(true);
      expect(isLuhnNumber(card)).toBe(true);
    }
  });

  it('refuses every single mistyped digit', () => {
    const card = `123456789${luhnCheckDigit('123456789')}`;
    for (let i = 0; i < card.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === card[i]) continue;
        const typo = `${card.slice(0, i)}${d}${card.slice(i + 1)}`;
        expect(isValidCardNumber(typo)).toBe(false);
      }
    }
  });

  it('refuses swapped neighbours (except the 09/90 blind spot of Luhn)', () => {
    const card = `314159265${luhnCheckDigit('314159265')}`;
    for (let i = 0; i < card.length - 1; i++) {
      if (card[i] === card[i + 1]) continue;
      const swapped = `${card.slice(0, i)}${card[i + 1]}${card[i]}${card.slice(i + 2)}`;
      expect(isValidCardNumber(swapped)).toBe(false);
    }
  });

  it('wants exactly ten digits', () => {
    expect(isValidCardNumber('1234567897')).toBe(true);
    expect(isValidCardNumber('123456789')).toBe(false);
    expect(isValidCardNumber('12345678970')).toBe(false);
    expect(isValidCardNumber('12345678a7')).toBe(false);
    expect(() => luhnCheckDigit('12a')).toThrow();
  });

  it('reads the notations people write, and nothing else', () => {
    expect(cardNumberDigits('1234567897')).toBe('1234567897');
    expect(cardNumberDigits('1234 5678 97')).toBe('1234567897');
    expect(cardNumberDigits(' 1234-5678-97 ')).toBe('1234567897');
    expect(cardNumberDigits('123456789')).toBeNull();
    expect(cardNumberDigits('+1234567897')).toBeNull();
    expect(cardNumberDigits('12345_67897')).toBeNull();
    expect(cardNumberDigits('')).toBeNull();
  });
});
