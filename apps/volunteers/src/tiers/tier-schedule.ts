import { parseTierHours, Tier, tiersFromHours } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { VolunteersConfig } from '../volunteers.config';

/** The tiers of this time bank, from TIER_THRESHOLDS_HOURS (checked when the service starts). */
@Injectable()
export class TierSchedule {
  readonly tiers: Tier[];

  constructor(config: VolunteersConfig) {
    const hours = parseTierHours(config.TIER_THRESHOLDS_HOURS);
    if (!hours) throw new Error('TIER_THRESHOLDS_HOURS is not valid'); // VolunteersConfig refuses it first
    this.tiers = tiersFromHours(hours);
  }
}
