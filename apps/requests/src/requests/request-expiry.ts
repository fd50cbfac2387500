import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RequestsConfig } from '../requests.config';
import { RequestsService } from './requests.service';

/** Expires open requests whose window has passed, every REQUEST_EXPIRY_INTERVAL_MS. */
@Injectable()
export class RequestExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RequestExpiry');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly requests: RequestsService,
    private readonly config: RequestsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.REQUEST_EXPIRY_INTERVAL_MS);
    this.tick();
  }

  private tick(): void {
    if (this.running) return; // the previous round is still at work
    this.running = this.requests
      .expireDue()
      .then((expired) => {
        if (expired > 0) this.logger.log(`expired ${expired} request(s)`);
      })
      .catch((error: Error) => this.logger.warn(`expiring requests failed: ${error.message}`))
      .finally(() => {
        this.running = undefined;
      });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
