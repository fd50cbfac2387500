import { HoursVerifiedEvent } from '../common/verified-service';
import { event } from '../message';

/** `requests.request.closed`: a request ended without service; its hold is released. */
export interface RequestClosedEvent {
  requestId: string;
  holdId: string;
  reason: 'cancelled' | 'expired' | 'resolved_without_credit';
}

/** Durable events the requests service publishes (JetStream, through its outbox). */
export const RequestsEvents = {
  /** A confirmed request's service: the ledger posts its hold to the volunteer. */
  hoursVerified: event<HoursVerifiedEvent>('requests.hours.verified'),
  requestClosed: event<RequestClosedEvent>('requests.request.closed'),
} as const;
