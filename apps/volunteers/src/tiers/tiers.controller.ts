import { Handles } from '@app/common';
import { TierListItemView, VolunteersMessages } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { TierSchedule } from './tier-schedule';

@Controller()
export class TiersController {
  constructor(private readonly schedule: TierSchedule) {}

  @Handles(VolunteersMessages.tierList)
  list(): TierListItemView[] {
    return this.schedule.tiers.map(({ level, name, minMinutes }) => ({ level, name, minMinutes }));
  }
}
