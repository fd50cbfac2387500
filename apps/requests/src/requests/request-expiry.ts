import { PeriodicTask } from '@app/common';
import { Injectable } from '@nestjs/common';
import { RequestsConfig } from '../requests.config';
import { RequestsService } from './requests.service';

/** Expires open requests whose window has passed, every REQUEST_EXPIRY_INTERVAL_MS. */
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
    const expired = await this.requests.expireDue();
    if (expired > 0) this.logger.log(`expired ${expired} request(s)`);
  }
}
