import { ServiceConfig, WholeSetting } from '@app/common';

/** Settings of the rewards service: the common ones (tiers among them), voucher lifetime, guessing limits. */
export class RewardsConfig extends ServiceConfig {
  /** How long a voucher can be redeemed after it is claimed (default 30 days). */
  @WholeSetting(1, 366 * 24 * 3600)
  VOUCHER_TTL_SECONDS: number = 30 * 24 * 3600;

  /**
   * How long after a voucher's expiry its ledger hold frees itself if no event
   * settled it: long enough for a redemption at the last moment to be posted.
   */
  @WholeSetting(1, 24 * 365)
  VOUCHER_HOLD_GRACE_HOURS: number = 24 * 7;

  /** How long before an unused voucher expires its member is told (once per voucher). */
  @WholeSetting(1, 366 * 24)
  VOUCHER_EXPIRY_WARNING_HOURS: number = 3 * 24;

  /** How often issued vouchers past their expiry are expired (and those expiring soon announced). */
  @WholeSetting(50, 3_600_000)
  VOUCHER_EXPIRY_INTERVAL_MS: number = 60_000;

  /** The window over which failed redemption attempts are counted. */
  @WholeSetting(1, 7 * 24 * 3600)
  REDEEM_FAILURE_WINDOW_SECONDS: number = 15 * 60;

  /** Failed attempts one staff member may make in the window before redeeming is refused. */
  @WholeSetting(1, 100_000)
  REDEEM_FAILURES_PER_STAFF: number = 10;

  /** Failed attempts all of one merchant's staff may make in the window. */
  @WholeSetting(1, 100_000)
  REDEEM_FAILURES_PER_MERCHANT: number = 30;
}
