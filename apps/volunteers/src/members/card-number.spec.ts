import { isValidCardNumber } from '@app/contracts';
import { newCardNumber } from './card-number';

describe('newCardNumber', () => {
  it('makes valid 10-digit numbers that never start with 0 and do not repeat in a small batch', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const card = newCardNumber();
      expect(card).toMatch(/^[1-9][0-9]{9}$/);
      expect(isValidCardNumber(card)).toBe(true);
      seen.add(card);
    }
    // 9e8 possible numbers: 5000 draws collide with probability about 1.4%.
    expect(seen.size).toBeGreaterThan(4990);
  });
});
