import { ServiceSubjects, TierListItemView } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { TierSchedule } from './tier-schedule';

@Controller()
export class TiersController {
  constructor(private readonly schedule: TierSchedule) {}

  @MessagePattern(ServiceSubjects.tierList)
  list(): TierListItemView[] {
    return this.schedule.tiers.map(({ level, name, minMinutes }) => ({ level, name, minMinutes }));
  }
}
