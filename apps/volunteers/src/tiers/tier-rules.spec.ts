import { tiersFromHours } from '@app/contracts';
import { tierRise } from './tier-rules';

const tiers = tiersFromHours([1, 2, 3]);

describe('tierRise', () => {
  it('names the tier a credit lifts the volunteer to', () => {
    expect(tierRise(0, 60, tiers)).toEqual({ level: 1, name: 'One-star volunteer' });
    expect(tierRise(1, 179, tiers)).toEqual({ level: 2, name: 'Two-star volunteer' });
  });

  it('jumps straight to the highest tier reached, announcing it once', () => {
    expect(tierRise(0, 10_000, tiers)).toEqual({ level: 3, name: 'Three-star volunteer' });
  });

  it('is null below the next threshold, at the same tier, and never goes down', () => {
    expect(tierRise(0, 59, tiers)).toBeNull();
    expect(tierRise(1, 60, tiers)).toBeNull();
    expect(tierRise(3, 60, tiers)).toBeNull();
  });
});
