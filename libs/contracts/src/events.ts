import { AccountingEvents } from './accounting/events';
import { EventType } from './message';
import { RequestsEvents } from './requests/events';
import { RewardsEvents } from './rewards/events';
import { BackendService } from './services';
import { VolunteersEvents } from './volunteers/events';

/** Every durable event of the suite, by the service that publishes it: its stream's subjects. */
export const EVENTS_BY_PRODUCER: Readonly<Record<BackendService, readonly EventType<unknown>[]>> = {
  volunteers: Object.values(VolunteersEvents),
  accounting: Object.values(AccountingEvents),
  requests: Object.values(RequestsEvents),
  rewards: Object.values(RewardsEvents),
};

/**
 * Who consumes which event: one durable JetStream consumer per entry. Streams
 * keep a message only while a durable consumer still wants it (interest
 * retention), so every durable listed here is created with its stream, by
 * whichever service starts first, and an event published while its consumer
 * is down waits for it. A service may subscribe only to what is listed here.
 */
export const EVENT_CONSUMERS: Readonly<Record<BackendService, readonly EventType<unknown>[]>> = {
  volunteers: [
    AccountingEvents.transferPosted,
    // the notifications module: one notification per member told, once per event
    RequestsEvents.requestAccepted,
    RequestsEvents.requestCompleted,
    RequestsEvents.hoursVerified,
    RequestsEvents.requestDisputed,
    RequestsEvents.requestResolved,
    RequestsEvents.requestExpiring,
    VolunteersEvents.hoursLogged,
    VolunteersEvents.hoursVerified,
    VolunteersEvents.hoursRejected,
    VolunteersEvents.tierReached,
    VolunteersEvents.activityClosed,
    VolunteersEvents.activityCancelled,
    VolunteersEvents.signupPromoted,
    VolunteersEvents.activityReminderDue,
    RewardsEvents.voucherRedeemed,
    RewardsEvents.voucherExpiring,
  ],
  accounting: [
    VolunteersEvents.memberCreated,
    VolunteersEvents.communityCreated,
    VolunteersEvents.hoursVerified,
    RequestsEvents.hoursVerified,
    RequestsEvents.requestClosed,
    RewardsEvents.merchantCreated,
    RewardsEvents.voucherRedeemed,
    RewardsEvents.voucherClosed,
  ],
  requests: [VolunteersEvents.memberCreated, VolunteersEvents.memberUpdated],
  rewards: [],
};

/** The service whose stream carries the event `type` (a subject without prefix). */
export function producerOf(type: string): BackendService {
  const producer = (Object.keys(EVENTS_BY_PRODUCER) as BackendService[]).find((service) =>
    EVENTS_BY_PRODUCER[service].some((declared) => declared.type === type),
  );
  if (!producer) throw new Error(`no service publishes the event ${type}`);
  return producer;
}

/** The durable consumers of one producer's stream: which service wants which of its events. */
export function consumersOfStream(
  producer: BackendService,
): Array<{ consumer: BackendService; type: string }> {
  return (Object.keys(EVENT_CONSUMERS) as BackendService[]).flatMap((consumer) =>
    EVENT_CONSUMERS[consumer]
      .filter((declared) => declared.producer === producer)
      .map(({ type }) => ({ consumer, type })),
  );
}
