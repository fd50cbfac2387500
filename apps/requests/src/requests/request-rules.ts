import {
  DomainError,
  ErrorCode,
  FieldError,
  fieldError,
  OutboxEntry,
  outboxEntry,
} from '@app/common';
import {
  Actor,
  canCoordinate,
  cityDate,
  HoursVerifiedEvent,
  MAX_WINDOW_END_DAYS,
  RequestClosedEvent,
  RequestRef,
  RequestsEvents,
  RequestStatus,
  RequestStepAction,
} from '@app/contracts';
import { HelpRequestEntity, RequestStepEntity } from './requests.entity';

/**
 * The life of a help request as pure functions: who may move it, from which
 * state, to which state, and what the rest of the suite must hear about it.
 * Checks run in one order everywhere: who (403/409 NOT_ELIGIBLE), then state
 * (409 INVALID_STATE), then amounts (400).
 */

export type RequestFacts = Pick<
  HelpRequestEntity,
  | 'id'
  | 'title'
  | 'status'
  | 'requesterId'
  | 'volunteerId'
  | 'communityId'
  | 'estimatedMinutes'
  | 'completedMinutes'
  | 'windowEnd'
  | 'firstAcceptedAt'
  | 'completedAt'
  | 'holdId'
  | 'disputedBy'
>;

export type RequestAction =
  | { type: 'accept' }
  | { type: 'release' }
  | { type: 'complete'; minutes: number; note?: string }
  | { type: 'confirm'; minutes?: number; rating?: number; comment?: string }
  | { type: 'dispute'; reason: string }
  | { type: 'resolve'; minutes: number; note: string }
  | { type: 'cancel' };

export type RequestChanges = Partial<
  Pick<
    HelpRequestEntity,
    | 'status'
    | 'volunteerId'
    | 'acceptedAt'
    | 'firstAcceptedAt'
    | 'completedMinutes'
    | 'completionNote'
    | 'completedAt'
    | 'confirmedMinutes'
    | 'confirmedBy'
    | 'confirmedAt'
    | 'disputeReason'
    | 'disputedAt'
    | 'disputedBy'
    | 'resolutionNote'
    | 'resolvedBy'
    | 'resolvedAt'
    | 'cancelledBy'
    | 'cancelledAt'
  >
>;

/** What the rest of the suite must hear once the change is committed. */
export type RequestEffect =
  | { type: 'none' }
  | { type: 'hoursVerified'; minutes: number }
  | { type: 'closed'; reason: RequestClosedEvent['reason'] };

/** A step of a request's history, as it is stored. */
export type RequestStep = Omit<RequestStepEntity, 'seq'>;

export interface Transition {
  changes: RequestChanges;
  effect: RequestEffect;
  rating: { rating: number; comment: string | null } | null;
}

const STEP_OF: Record<RequestAction['type'], RequestStepAction> = {
  accept: 'accepted',
  release: 'released',
  complete: 'completed',
  confirm: 'confirmed',
  dispute: 'disputed',
  resolve: 'resolved',
  cancel: 'cancelled',
};

/** The requester's own steps: when someone else takes one, they act on the requester's behalf. */
const REQUESTER_STEPS: ReadonlySet<RequestStepAction> = new Set([
  'posted',
  'confirmed',
  'disputed',
  'cancelled',
]);

/**
 * The history step of `action` by `actor`, which left the request in `status`.
 * A coordinator doing one of the requester's steps acts on their behalf.
 */
export function stepOf(
  request: Pick<RequestFacts, 'id' | 'requesterId'>,
  action: RequestAction['type'] | 'post',
  status: RequestStatus,
  actor: Actor,
  at: Date,
): RequestStep {
  const step: RequestStepAction = action === 'post' ? 'posted' : STEP_OF[action];
  return {
    requestId: request.id,
    action: step,
    status,
    actedBy: actor.memberId,
    onBehalfOf:
      REQUESTER_STEPS.has(step) && actor.memberId !== request.requesterId
        ? request.requesterId
        : null,
    at,
  };
}

function invalidState(request: RequestFacts, doing: string, allowed: RequestStatus[]): DomainError {
  return DomainError.of(
    ErrorCode.INVALID_STATE,
    'requests.invalidState',
    { status: request.status, allowed: allowed.join(' or '), doing },
    { status: request.status },
  );
}

function requireStatus(request: RequestFacts, doing: string, ...allowed: RequestStatus[]): void {
  if (!allowed.includes(request.status)) throw invalidState(request, doing, allowed);
}

/** `reported`: the volunteer's minutes, when the confirmer named none and so took them. */
function atMostHeld(request: RequestFacts, minutes: number, reported?: number): void {
  if (minutes > request.estimatedMinutes) {
    const held = { estimatedMinutes: request.estimatedMinutes };
    throw DomainError.validation([
      reported === undefined
        ? fieldError('minutes', 'requests.minutesOverHeld', held)
        : fieldError('minutes', 'requests.minutesOverHeldReported', {
            ...held,
            completedMinutes: reported,
          }),
    ]);
  }
}

const isRequester = (actor: Actor, request: RequestFacts) => actor.memberId === request.requesterId;
const isVolunteer = (actor: Actor, request: RequestFacts) => actor.memberId === request.volunteerId;

type ActionOf<T extends RequestAction['type']> = Extract<RequestAction, { type: T }>;
type Step<T extends RequestAction['type']> = (
  request: RequestFacts,
  action: ActionOf<T>,
  actor: Actor,
  now: Date,
) => Transition;

const NO_EFFECT = { type: 'none' } as const;

const accept: Step<'accept'> = (request, _action, actor, now) => {
  if (!actor.roles.includes('volunteer')) {
    throw DomainError.forbidden('requests.acceptVolunteersOnly');
  }
  if (isRequester(actor, request)) {
    throw DomainError.of(ErrorCode.NOT_ELIGIBLE, 'requests.acceptOwn');
  }
  requireStatus(request, 'accepted', 'open');
  if (request.windowEnd.getTime() <= now.getTime()) {
    throw DomainError.of(ErrorCode.INVALID_STATE, 'requests.windowPassed', undefined, {
      status: 'expired',
    });
  }
  return {
    changes: {
      status: 'accepted',
      volunteerId: actor.memberId,
      acceptedAt: now,
      firstAcceptedAt: request.firstAcceptedAt ?? now,
    },
    effect: NO_EFFECT,
    rating: null,
  };
};

const release: Step<'release'> = (request, _action, actor) => {
  if (!isVolunteer(actor, request)) {
    throw DomainError.forbidden('requests.releaseNotVolunteer');
  }
  requireStatus(request, 'released', 'accepted');
  return {
    changes: { status: 'open', volunteerId: null, acceptedAt: null },
    effect: NO_EFFECT,
    rating: null,
  };
};

const complete: Step<'complete'> = (request, action, actor, now) => {
  if (!isVolunteer(actor, request)) {
    throw DomainError.forbidden('requests.completeNotVolunteer');
  }
  requireStatus(request, 'completed', 'accepted');
  return {
    changes: {
      status: 'completed',
      completedMinutes: action.minutes,
      completionNote: action.note ?? null,
      completedAt: now,
    },
    effect: NO_EFFECT,
    rating: null,
  };
};

const confirm: Step<'confirm'> = (request, action, actor, now) => {
  assertRequesterOrCoordinator(actor, request, 'confirm');
  assertNotOwnService(actor, request);
  requireStatus(request, 'confirmed', 'completed');
  const minutes = action.minutes ?? (request.completedMinutes as number);
  atMostHeld(request, minutes, action.minutes === undefined ? minutes : undefined);
  return {
    changes: {
      status: 'confirmed',
      confirmedMinutes: minutes,
      confirmedBy: actor.memberId,
      confirmedAt: now,
    },
    effect: { type: 'hoursVerified', minutes },
    rating:
      action.rating === undefined
        ? null
        : { rating: action.rating, comment: action.comment ?? null },
  };
};

const dispute: Step<'dispute'> = (request, action, actor, now) => {
  assertRequesterOrCoordinator(actor, request, 'dispute');
  requireStatus(request, 'disputed', 'completed');
  return {
    changes: {
      status: 'disputed',
      disputeReason: action.reason,
      disputedAt: now,
      disputedBy: actor.memberId,
    },
    effect: NO_EFFECT,
    rating: null,
  };
};

const resolve: Step<'resolve'> = (request, action, actor, now) => {
  if (!canCoordinate(actor, request.communityId)) {
    throw DomainError.forbidden('requests.resolveNotCoordinator');
  }
  assertNotOwnService(actor, request);
  assertNotOwnRequest(actor, request);
  assertNotOwnDispute(actor, request);
  requireStatus(request, 'resolved', 'disputed');
  atMostHeld(request, action.minutes);
  return {
    changes: {
      status: 'confirmed',
      confirmedMinutes: action.minutes,
      confirmedBy: actor.memberId,
      confirmedAt: now,
      resolutionNote: action.note,
      resolvedBy: actor.memberId,
      resolvedAt: now,
    },
    effect:
      action.minutes > 0
        ? { type: 'hoursVerified', minutes: action.minutes }
        : { type: 'closed', reason: 'resolved_without_credit' },
    rating: null,
  };
};

const cancel: Step<'cancel'> = (request, _action, actor, now) => {
  assertRequesterOrCoordinator(actor, request, 'cancel');
  requireStatus(request, 'cancelled', 'open', 'accepted');
  return {
    changes: { status: 'cancelled', cancelledBy: actor.memberId, cancelledAt: now },
    effect: { type: 'closed', reason: 'cancelled' },
    rating: null,
  };
};

/** One step per action: forgetting one does not compile. */
const STEPS: { [T in RequestAction['type']]: Step<T> } = {
  accept,
  release,
  complete,
  confirm,
  dispute,
  resolve,
  cancel,
};

/** The change `actor` makes by `action`, or the refusal it meets. */
export function transition(
  request: RequestFacts,
  action: RequestAction,
  actor: Actor,
  now: Date,
): Transition {
  const step = STEPS[action.type] as Step<RequestAction['type']>;
  return step(request, action, actor, now);
}

function assertRequesterOrCoordinator(
  actor: Actor,
  request: RequestFacts,
  doing: 'confirm' | 'dispute' | 'cancel',
): void {
  if (!isRequester(actor, request) && !canCoordinate(actor, request.communityId)) {
    throw DomainError.forbidden('requests.requesterOrCoordinator', { doing });
  }
}

/** Nobody verifies the hours they served themselves. */
function assertNotOwnService(actor: Actor, request: RequestFacts): void {
  if (isVolunteer(actor, request)) {
    throw DomainError.forbidden('requests.verifyOwnService');
  }
}

/**
 * A dispute is settled by someone with no part in it: the requester resolving their
 * own dispute would decide what they pay (0 minutes gives them the hold back).
 */
function assertNotOwnRequest(actor: Actor, request: RequestFacts): void {
  if (isRequester(actor, request)) {
    throw DomainError.forbidden('requests.resolveOwnRequest');
  }
}

/**
 * Who raised a dispute for the requester does not also settle it: the
 * coordinator who spoke for one side leaves the judgement to another.
 */
function assertNotOwnDispute(actor: Actor, request: RequestFacts): void {
  if (request.disputedBy === actor.memberId) {
    throw DomainError.forbidden('requests.resolveOwnDispute');
  }
}

/** Field errors of a new request's window, as of `now`. */
export function windowErrors(windowStart: Date, windowEnd: Date, now: Date): FieldError[] {
  if (windowEnd.getTime() <= windowStart.getTime()) {
    return [fieldError('windowEnd', 'requests.windowEndBeforeStart')];
  }
  if (windowEnd.getTime() <= now.getTime()) {
    return [fieldError('windowEnd', 'requests.windowEndPast')];
  }
  // The hold of the estimate expires a grace period after the window: bounded here, not years away.
  if (windowEnd.getTime() > now.getTime() + MAX_WINDOW_END_DAYS * 24 * 3600_000) {
    return [fieldError('windowEnd', 'field.daysAhead', { days: MAX_WINDOW_END_DAYS })];
  }
  return [];
}

/**
 * A settling command (confirm, resolve) sent again with the Idempotency-Key that
 * settled the request: 'replay' when it is the same, 'mismatch' when not;
 * null when this key did not settle it (the rules decide).
 */
export function settleReplay(
  request: Pick<HelpRequestEntity, 'settleKey' | 'settleFingerprint'>,
  key: string,
  fingerprint: string,
): 'replay' | 'mismatch' | null {
  if (request.settleKey !== key) return null;
  return request.settleFingerprint === fingerprint ? 'replay' : 'mismatch';
}

/** `requests.hours.verified`: what the ledger pays and the service record keeps. */
export function hoursVerifiedEvent(
  request: RequestFacts,
  minutes: number,
  verifiedBy: string,
  at: Date,
  zone: string,
): HoursVerifiedEvent {
  return {
    details: {
      source: 'request',
      sourceId: request.id,
      volunteerId: request.volunteerId as string,
      description: request.title,
      communityId: request.communityId,
      // The city's date of the service, not UTC's: late evening in Shanghai is still that day.
      servedOn: cityDate(request.completedAt ?? at, zone),
      minutes,
      verifiedBy,
      verifiedAt: at.toISOString(),
    },
    holdId: request.holdId,
    payer: null,
  };
}

/** What every event of a request's life says about it. */
export function requestRef(
  request: Pick<
    HelpRequestEntity,
    'id' | 'title' | 'category' | 'requesterId' | 'volunteerId' | 'communityId'
  >,
  at: Date,
): RequestRef {
  return {
    requestId: request.id,
    title: request.title,
    category: request.category,
    requesterId: request.requesterId,
    volunteerId: request.volunteerId,
    communityId: request.communityId,
    at: at.toISOString(),
  };
}

/**
 * The event of a step its people hear of (accepted, completed, disputed,
 * resolved), of the request as the step left it; null for the others (a
 * confirmation is heard through `requests.hours.verified`).
 */
export function lifecycleEvent(
  after: HelpRequestEntity,
  action: RequestAction,
  now: Date,
): OutboxEntry | null {
  const ref = requestRef(after, now);
  switch (action.type) {
    case 'accept':
      return outboxEntry(RequestsEvents.requestAccepted, ref);
    case 'complete':
      return outboxEntry(RequestsEvents.requestCompleted, { ...ref, minutes: action.minutes });
    case 'dispute':
      return outboxEntry(RequestsEvents.requestDisputed, { ...ref, reason: action.reason });
    case 'resolve':
      return outboxEntry(RequestsEvents.requestResolved, { ...ref, minutes: action.minutes });
    default:
      return null;
  }
}

export function requestClosedEvent(
  request: Pick<HelpRequestEntity, 'id' | 'holdId'>,
  reason: RequestClosedEvent['reason'],
): RequestClosedEvent {
  return { requestId: request.id, holdId: request.holdId, reason };
}

/** Where a request stands in a volunteer's list: their grid unit, their community, the rest. */
export function listRank(
  request: Pick<HelpRequestEntity, 'gridUnitId' | 'communityId'>,
  viewer: { gridUnitId: string | null; communityId: string | null },
): number {
  if (viewer.gridUnitId !== null && request.gridUnitId === viewer.gridUnitId) return 0;
  if (viewer.communityId !== null && request.communityId === viewer.communityId) return 1;
  return 2;
}
