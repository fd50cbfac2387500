import { PeriodicTask } from '@app/common';
import { Injectable } from '@nestjs/common';
import { RequestsConfig } from '../requests.config';
import { RequestsService } from './requests.service';

/**
 * Every REQUEST_EXPIRY_INTERVAL_MS: tells requesters whose open request ends
 * within REQUEST_EXPIRY_WARNING_HOURS (once each), then expires open requests
 * whose window has passed.
 */
@Injectable()
export class RequestExpiry extends PeriodicTask {
  constructor(
    private readonly requests: RequestsService,
    config: RequestsConfig,
  ) {
    super({
      name: 'RequestExpiry',
      intervalMs: config.REQUEST_EXPIRY_INTERVAL_MS,
      runAtStart: true,
    });
  }

  protected async round(): Promise<void> {
    const warned = await this.requests.warnExpiring();
    if (warned > 0) this.logger.log(`told ${warned} requester(s) their request ends soon`);
    const expired = await this.requests.expireDue();
    if (expired > 0) this.logger.log(`expired ${expired} request(s)`);
  }
}
