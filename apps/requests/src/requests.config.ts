import { ServiceConfig, WholeSetting } from '@app/common';

/** Settings of the requests service: the common ones, expiry, holds and calls to other services. */
export class RequestsConfig extends ServiceConfig {
  /** How often open requests whose window has passed are expired. */
  @WholeSetting(50, 3_600_000)
  REQUEST_EXPIRY_INTERVAL_MS: number = 60_000;

  /**
   * How long before an open request's window ends its requester is told that
   * nobody has taken it yet (once per request, by the expiry task).
   */
  @WholeSetting(1, 24 * 7)
  REQUEST_EXPIRY_WARNING_HOURS: number = 6;

  /**
   * How long after a request's window its hold frees itself if nothing settled it.
   * Long enough for a late confirmation or a dispute; a safety net, not the rule.
   */
  @WholeSetting(1, 24 * 365)
  REQUEST_HOLD_GRACE_HOURS: number = 24 * 30;
}
