import { AccountingEvents } from './accounting/subjects';
import { VolunteersEvents } from './volunteers/events';
import { RequestsEvents } from './common/verified-service';
import { RewardsEvents } from './rewards/subjects';
import { BackendService } from './services';

/** Every durable event of the suite, by the service that publishes it: its stream's subjects. */
export const EVENTS_BY_PRODUCER: Readonly<Record<BackendService, readonly string[]>> = {
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
export const EVENT_CONSUMERS: Readonly<Record<BackendService, readonly string[]>> = {
  volunteers: [AccountingEvents.transferPosted],
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

/** The service whose stream carries `type`. */
export function producerOf(type: string): BackendService {
  const producer = (Object.keys(EVENTS_BY_PRODUCER) as BackendService[]).find((service) =>
    EVENTS_BY_PRODUCER[service].includes(type),
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
      .filter((type) => producerOf(type) === producer)
      .map((type) => ({ consumer, type })),
  );
}
