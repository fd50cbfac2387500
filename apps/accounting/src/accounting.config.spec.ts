import { loadConfig } from '@app/common';
import { AccountingConfig } from './accounting.config';

describe('AccountingConfig', () => {
  it('runs on defaults: the national star thresholds and a 20-hour daily gift allowance', () => {
    const config = loadConfig(AccountingConfig, {});
    expect(config.tiers.map((t) => t.minMinutes)).toEqual([0, 6000, 18000, 36000, 60000, 90000]);
    expect(config.GIFT_MAX_MINUTES_PER_DAY).toBe(1200);
  });

  it('reads custom thresholds', () => {
    const config = loadConfig(AccountingConfig, { TIER_THRESHOLDS_HOURS: '10, 20' });
    expect(config.tiers.map((t) => t.minMinutes)).toEqual([0, 600, 1200]);
  });

  it('names bad settings', () => {
    expect(() => loadConfig(AccountingConfig, { TIER_THRESHOLDS_HOURS: '300,100' })).toThrow(
      /TIER_THRESHOLDS_HOURS/,
    );
    expect(() => loadConfig(AccountingConfig, { GIFT_MAX_MINUTES_PER_DAY: '0' })).toThrow(
      /GIFT_MAX_MINUTES_PER_DAY/,
    );
  });
});
