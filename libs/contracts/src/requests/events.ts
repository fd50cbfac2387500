import { HoursVerifiedEvent } from '../common/verified-service';
import { event } from '../message';

/** `requests.request.closed`: a request ended without service; its hold is released. */
export interface RequestClosedEvent {
  requestId: string;
  holdId: string;
  reason: 'cancelled' | 'expired' | 'resolved_without_credit';
}

/**
 * What every event of a request's life says about it, enough to tell its
 * people (the notifications of the volunteers service).
 */
export interface RequestRef {
  requestId: string;
  title: string;
  category: string;
  requesterId: string;
  /** Who took it; null while nobody has. */
  volunteerId: string | null;
  communityId: string;
  at: string;
}

/** `requests.request.completed`: the volunteer reported the minutes served. */
export interface RequestCompletedEvent extends RequestRef {
  minutes: number;
}

/** `requests.request.disputed`: the resident (or a coordinator) disputed the minutes. */
export interface RequestDisputedEvent extends RequestRef {
  reason: string;
}

/** `requests.request.resolved`: a coordinator settled a dispute (0 minutes: nothing is paid). */
export interface RequestResolvedEvent extends RequestRef {
  minutes: number;
}

/** `requests.request.expiring`: nobody took the request and its window ends soon; once per request. */
export interface RequestExpiringEvent extends RequestRef {
  windowEnd: string;
}

/** Durable events the requests service publishes (JetStream, through its outbox). */
export const RequestsEvents = {
  /** A confirmed request's service: the ledger posts its hold to the volunteer. */
  hoursVerified: event<HoursVerifiedEvent>('requests.hours.verified'),
  requestClosed: event<RequestClosedEvent>('requests.request.closed'),
  requestAccepted: event<RequestRef>('requests.request.accepted'),
  requestCompleted: event<RequestCompletedEvent>('requests.request.completed'),
  requestDisputed: event<RequestDisputedEvent>('requests.request.disputed'),
  requestResolved: event<RequestResolvedEvent>('requests.request.resolved'),
  requestExpiring: event<RequestExpiringEvent>('requests.request.expiring'),
} as const;
