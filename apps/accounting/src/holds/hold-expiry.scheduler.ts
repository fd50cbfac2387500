import { PeriodicTask } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AccountingConfig } from '../accounting.config';
import { HoldsService } from './holds.service';

const PER_ROUND = 100;

/** Voids open holds once their expiry passes; every copy of the service runs one, safely. */
@Injectable()
export class HoldExpiryScheduler extends PeriodicTask {
  constructor(
    private readonly holds: HoldsService,
    config: AccountingConfig,
  ) {
    super({ name: 'HoldExpiry', intervalMs: config.HOLD_EXPIRY_INTERVAL_MS, runAtStart: false });
  }

  protected async round(): Promise<void> {
    let expired: number;
    do {
      expired = await this.holds.expireDue(PER_ROUND);
      if (expired > 0) this.logger.log(`${expired} hold(s) expired`);
    } while (expired === PER_ROUND);
  }
}
