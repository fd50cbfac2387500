import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RewardsConfig } from '../rewards.config';
import { VouchersService } from './vouchers.service';

/** Expires issued vouchers past their expiry, every VOUCHER_EXPIRY_INTERVAL_MS. */
@Injectable()
export class VoucherExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VoucherExpiry');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly vouchers: VouchersService,
    private readonly config: RewardsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.VOUCHER_EXPIRY_INTERVAL_MS);
    this.tick();
  }

  private tick(): void {
    if (this.running) return; // the previous round is still at work
    this.running = this.vouchers
      .expireDue()
      .then((expired) => {
        if (expired > 0) this.logger.log(`expired ${expired} voucher(s)`);
      })
      .catch((error: Error) => this.logger.warn(`expiring vouchers failed: ${error.message}`))
      .finally(() => {
        this.running = undefined;
      });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
