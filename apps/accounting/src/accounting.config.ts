import { ServiceConfig } from '@app/common';
import { DEFAULT_TIER_HOURS, parseTierHours, tiersFromHours, Tier } from '@app/contracts';
import { IsInt, IsString, Max, Min, ValidateBy } from 'class-validator';

/** Settings of the accounting service: the common ones, tiers, gift allowance, batching. */
export class AccountingConfig extends ServiceConfig {
  /** Lifetime hours at which each star tier starts, strictly rising. */
  @IsString()
  @ValidateBy({
    name: 'tierHours',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTierHours(value) !== null,
      defaultMessage: () => 'must be strictly rising whole hours, comma-separated: 100,300,600',
    },
  })
  TIER_THRESHOLDS_HOURS: string = DEFAULT_TIER_HOURS.join(',');

  /** How many minutes one member may give away in gifts per day (UTC). */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  GIFT_MAX_MINUTES_PER_DAY: number = 1200;

  /** Most transfers committed in one database transaction. */
  @IsInt()
  @Min(1)
  @Max(1000)
  TRANSFER_BATCH_MAX: number = 100;

  /** Batches committed at the same time (accounts are locked in id order, so they cannot deadlock). */
  @IsInt()
  @Min(1)
  @Max(16)
  TRANSFER_BATCH_CONCURRENCY: number = 2;

  /** How often open holds past their expiry are voided. */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HOLD_EXPIRY_INTERVAL_MS: number = 5000;

  get tiers(): Tier[] {
    return tiersFromHours(parseTierHours(this.TIER_THRESHOLDS_HOURS) ?? DEFAULT_TIER_HOURS);
  }
}
