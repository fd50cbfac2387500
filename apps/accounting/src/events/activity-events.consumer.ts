import { EventConsumers } from '@app/common';
import { ActivityCancelledEvent, ActivityClosedEvent, VolunteersEvents } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HoldsService } from '../holds/holds.service';

/**
 * A closed activity pays each attendance from the activity's hold, once, and
 * releases the rest; a cancelled one gives the fund its hold back. Each commits
 * in the consumer's transaction with the event's inbox row, so a redelivered
 * event pays nothing twice.
 */
@Injectable()
export class ActivityEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly holds: HoldsService,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<ActivityClosedEvent>({
      type: VolunteersEvents.activityClosed,
      handler: async ({ data }, manager) => {
        await this.holds.settle(
          {
            holdId: data.holdId,
            idempotencyKey: `activity:${data.activity.activityId}:close`,
            payments: data.payments.map((payment) => ({
              to: { type: 'member', id: payment.volunteerId },
              minutes: payment.minutes,
              memo: payment.details.description.slice(0, 500),
              details: payment.details as unknown as Record<string, unknown>,
            })),
          },
          manager,
        );
      },
    });
    this.consumers.subscribe<ActivityCancelledEvent>({
      type: VolunteersEvents.activityCancelled,
      handler: async ({ data }, manager) => {
        await this.holds.void({ holdId: data.holdId }, manager);
      },
    });
  }
}
