import { ServiceConfig } from '@app/common';
import { IsInt, Max, Min } from 'class-validator';

/** Settings of the requests service: the common ones, expiry, holds and calls to other services. */
export class RequestsConfig extends ServiceConfig {
  /** How often open requests whose window has passed are expired. */
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  REQUEST_EXPIRY_INTERVAL_MS: number = 60_000;

  /**
   * How long after a request's window its hold frees itself if nothing settled it.
   * Long enough for a late confirmation or a dispute; a safety net, not the rule.
   */
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  REQUEST_HOLD_GRACE_HOURS: number = 24 * 30;
}
