import { PeriodicTask } from '@app/common';
import { Injectable } from '@nestjs/common';
import { VolunteersConfig } from '../volunteers.config';
import { ActivitiesService } from './activities.service';

/**
 * Announces each activity once, ACTIVITY_REMINDER_HOURS before it starts. Once
 * across copies: an activity is marked reminded in the transaction that writes
 * its event, and copies skip the rows another is reminding.
 */
@Injectable()
export class ActivityReminders extends PeriodicTask {
  constructor(
    private readonly activities: ActivitiesService,
    config: VolunteersConfig,
  ) {
    super({
      name: 'ActivityReminders',
      intervalMs: config.ACTIVITY_REMINDER_INTERVAL_MS,
      runAtStart: true,
    });
  }

  protected async round(): Promise<void> {
    const reminded = await this.activities.remindDue();
    if (reminded > 0) this.logger.log(`reminded of ${reminded} activit(ies)`);
  }
}
