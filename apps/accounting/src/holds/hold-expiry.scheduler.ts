import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AccountingConfig } from '../accounting.config';
import { HoldsService } from './holds.service';

const PER_ROUND = 100;

/** Voids open holds once their expiry passes; every copy of the service runs one, safely. */
@Injectable()
export class HoldExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HoldExpiry');
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    private readonly holds: HoldsService,
    private readonly config: AccountingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.HOLD_EXPIRY_INTERVAL_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.round) return;
    this.round = this.expireAll()
      .catch((error: Error) => this.logger.warn(`expiring holds failed: ${error.message}`))
      .finally(() => (this.round = undefined));
  }

  private async expireAll(): Promise<void> {
    let expired: number;
    do {
      expired = await this.holds.expireDue(PER_ROUND);
      if (expired > 0) this.logger.log(`${expired} hold(s) expired`);
    } while (expired === PER_ROUND);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round;
  }
}
