import { Tier } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { VolunteersConfig } from '../volunteers.config';

/** The tiers of this time bank, from TIER_THRESHOLDS_HOURS (checked when the service starts). */
@Injectable()
export class TierSchedule {
  readonly tiers: Tier[];

  constructor(config: VolunteersConfig) {
    this.tiers = config.tiers;
  }
}
