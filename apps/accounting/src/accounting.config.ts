import { ServiceConfig, WholeSetting } from '@app/common';

/** Settings of the accounting service: the common ones (tiers among them), gift allowance, batching. */
export class AccountingConfig extends ServiceConfig {
  /** How many minutes one member may give away in gifts per day (the city's day, CITY_TIME_ZONE). */
  @WholeSetting(1, 10_000_000)
  GIFT_MAX_MINUTES_PER_DAY: number = 1200;

  /** Most transfers committed in one database transaction. */
  @WholeSetting(1, 1000)
  TRANSFER_BATCH_MAX: number = 100;

  /**
   * Batches one copy commits at the same time (accounts are locked in id order,
   * so they cannot deadlock). One: what arrives while a batch commits waits for
   * the next, larger batch. A second batch in flight bought one copy nothing
   * (bench:ledger at 1, 16 and 64 callers), and with two copies it made their
   * batches small and queued behind each other's rows (11 transfers a batch
   * against 17, 71 % of working sessions waiting on a row lock against 35 %).
   */
  @WholeSetting(1, 16)
  TRANSFER_BATCH_CONCURRENCY: number = 1;

  /** How often open holds past their expiry are voided. */
  @WholeSetting(100, 60 * 60_000)
  HOLD_EXPIRY_INTERVAL_MS: number = 5000;

  /**
   * How old an open hold is before the ledger asks the service it was taken
   * for whether its row exists (the row is written right after the hold).
   */
  @WholeSetting(1000, 24 * 60 * 60_000)
  HOLD_OWNER_GRACE_MS: number = 5 * 60_000;

  /** How often holds past that grace are looked for. */
  @WholeSetting(100, 60 * 60_000)
  HOLD_OWNER_SWEEP_INTERVAL_MS: number = 60_000;
}
