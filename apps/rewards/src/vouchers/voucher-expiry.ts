import { PeriodicTask } from '@app/common';
import { Injectable } from '@nestjs/common';
import { RewardsConfig } from '../rewards.config';
import { VouchersService } from './vouchers.service';

/** Expires issued vouchers past their expiry, every VOUCHER_EXPIRY_INTERVAL_MS. */
@Injectable()
export class VoucherExpiry extends PeriodicTask {
  constructor(
    private readonly vouchers: VouchersService,
    config: RewardsConfig,
  ) {
    super({
      name: 'VoucherExpiry',
      intervalMs: config.VOUCHER_EXPIRY_INTERVAL_MS,
      runAtStart: true,
    });
  }

  protected async round(): Promise<void> {
    const expired = await this.vouchers.expireDue();
    if (expired > 0) this.logger.log(`expired ${expired} voucher(s)`);
  }
}
