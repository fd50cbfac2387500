import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { VolunteersConfig } from '../volunteers.config';
import { MembersService } from './members.service';

/** Makes sure the first admin exists before the service takes messages. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    private readonly members: MembersService,
    private readonly config: VolunteersConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.members.ensureBootstrapAdmin()) {
      this.logger.log(`created the first admin, ${this.config.BOOTSTRAP_ADMIN_LOGIN}`);
    }
  }
}
