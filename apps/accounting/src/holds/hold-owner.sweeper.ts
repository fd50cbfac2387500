import { PeriodicTask } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AccountingConfig } from '../accounting.config';
import { HoldOwners } from '../peers/hold-owners';
import { callerKeyOf } from '../transfers/idempotency';
import { HoldRow } from './holds.repository';
import { HoldsService } from './holds.service';

const PER_ROUND = 20;

/**
 * A hold is taken before the row it belongs to is written (a request, a
 * voucher, an hour log); when its service fails in between, nothing would
 * release it before it expires, weeks later. Past a grace, the sweeper asks
 * the owning service about each unconfirmed hold: voided when the row never
 * appeared, confirmed (and never asked again) when it exists, asked again
 * later when the owner does not answer. Every copy of the service runs one, safely.
 */
@Injectable()
export class HoldOwnerSweeper extends PeriodicTask {
  constructor(
    private readonly holds: HoldsService,
    private readonly owners: HoldOwners,
    private readonly config: AccountingConfig,
  ) {
    super({
      name: 'HoldOwnerSweeper',
      intervalMs: config.HOLD_OWNER_SWEEP_INTERVAL_MS,
      runAtStart: false,
    });
  }

  protected async round(): Promise<void> {
    let settled: number;
    do {
      const round = await this.holds.sweepUnowned(
        this.config.HOLD_OWNER_GRACE_MS,
        PER_ROUND,
        (hold) => this.ownerHas(hold),
      );
      if (round.voided > 0)
        this.logger.warn(`${round.voided} hold(s) voided: their rows never appeared`);
      // Holds whose owner did not answer stay unconfirmed: the next sweep asks again.
      settled = round.confirmed + round.voided;
    } while (settled === PER_ROUND);
  }

  /** Whether the hold's row exists; null when its owner did not answer. */
  private ownerHas(hold: HoldRow): Promise<boolean | null> {
    return this.owners.rowExists(hold.id, callerKeyOf(hold.idempotencyKey));
  }
}
