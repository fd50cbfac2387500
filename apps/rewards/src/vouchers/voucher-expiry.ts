import { PeriodicTask } from '@app/common';
import { Injectable } from '@nestjs/common';
import { RewardsConfig } from '../rewards.config';
import { VouchersService } from './vouchers.service';

/**
 * Every VOUCHER_EXPIRY_INTERVAL_MS: tells members whose unused voucher expires
 * within VOUCHER_EXPIRY_WARNING_HOURS (once each), then expires issued vouchers
 * past their expiry.
 */
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
    const warned = await this.vouchers.warnExpiring();
    if (warned > 0) this.logger.log(`told ${warned} member(s) their voucher expires soon`);
    const expired = await this.vouchers.expireDue();
    if (expired > 0) this.logger.log(`expired ${expired} voucher(s)`);
  }
}
