import { EventConsumers, EventHandler } from '@app/common';
import { EventType, RequestsEvents, RewardsEvents, VolunteersEvents } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import * as rules from './notification-rules';
import { NotificationDraft } from './notification-rules';
import { NotificationsService } from './notifications.service';

/** What one event tells whom; `coordinatorsOf` answers within the event's transaction. */
type Tell<T> = (
  data: T,
  coordinatorsOf: (communityId: string) => Promise<string[]>,
) => NotificationDraft[] | Promise<NotificationDraft[]>;

/**
 * The events members are told of, each through its rule (notification-rules.ts).
 * Every one is applied in the consumer's transaction with its inbox row, so an
 * event delivered twice tells nobody twice.
 */
@Injectable()
export class NotificationsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.on(RequestsEvents.requestAccepted, rules.requestAccepted);
    this.on(RequestsEvents.requestCompleted, rules.requestCompleted);
    this.on(RequestsEvents.hoursVerified, rules.requestConfirmed);
    this.on(RequestsEvents.requestDisputed, async (data, coordinatorsOf) =>
      rules.requestDisputed(data, await coordinatorsOf(data.communityId)),
    );
    this.on(RequestsEvents.requestResolved, rules.requestResolved);
    this.on(RequestsEvents.requestExpiring, rules.requestExpiring);
    this.on(VolunteersEvents.hoursLogged, async (data, coordinatorsOf) =>
      rules.hoursLogged(data, await coordinatorsOf(data.communityId)),
    );
    this.on(VolunteersEvents.hoursVerified, rules.hoursApproved);
    this.on(VolunteersEvents.hoursRejected, rules.hoursRejected);
    this.on(VolunteersEvents.tierReached, rules.tierReached);
    this.on(VolunteersEvents.activityClosed, rules.activityPaid);
    this.on(VolunteersEvents.activityCancelled, rules.activityCancelled);
    this.on(VolunteersEvents.signupPromoted, rules.signupPromoted);
    this.on(VolunteersEvents.activityReminderDue, rules.activityTomorrow);
    this.on(RewardsEvents.voucherRedeemed, rules.voucherRedeemed);
    this.on(RewardsEvents.voucherExpiring, rules.voucherExpiring);
  }

  private on<T>(type: EventType<T>, tell: Tell<T>): void {
    const handler: EventHandler<T> = async (event, manager: EntityManager, afterCommit) => {
      const drafts = await tell(event.data, (communityId) =>
        this.notifications.coordinatorsOf(communityId, manager),
      );
      await this.notifications.record(event.id, drafts, manager, afterCommit);
    };
    this.consumers.subscribe({ type, handler });
  }
}
