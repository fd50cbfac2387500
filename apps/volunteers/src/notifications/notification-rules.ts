import {
  ActivityCancelledEvent,
  ActivityClosedEvent,
  ActivityReminderEvent,
  HoursLoggedEvent,
  HoursRejectedEvent,
  HoursVerifiedEvent,
  NotificationKind,
  RequestCompletedEvent,
  RequestDisputedEvent,
  RequestExpiringEvent,
  RequestRef,
  RequestResolvedEvent,
  SignupPromotedEvent,
  TierReachedEvent,
  VoucherExpiringEvent,
  VoucherRedeemedEvent,
} from '@app/contracts';

/** What a notification's text needs; rendered into its title and body when read. */
export type NotificationParams = Record<string, string | number>;

/** One notification to keep for one member, before it is stored. */
export interface NotificationDraft {
  memberId: string;
  kind: NotificationKind;
  params: NotificationParams;
  /** A path of the web app. */
  link: string;
}

const requestLink = (requestId: string) => `/requests/${requestId}`;
const activityLink = (activityId: string) => `/activities/${activityId}`;
/** The coordinators' queue of the web app: hours to review, disputes to resolve. */
const QUEUE_LINK = '/console';

function draft(
  memberId: string,
  kind: NotificationKind,
  params: NotificationParams,
  link: string,
): NotificationDraft {
  return { memberId, kind, params, link };
}

/** Everyone once, in order: a member named twice by one event is told once. */
function once(drafts: NotificationDraft[]): NotificationDraft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.memberId}\u0000${d.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The resident hears that a volunteer took the request. */
export function requestAccepted(event: RequestRef): NotificationDraft[] {
  return [
    draft(
      event.requesterId,
      'request.accepted',
      { request: event.title },
      requestLink(event.requestId),
    ),
  ];
}

/** The resident is asked to confirm the minutes reported. */
export function requestCompleted(event: RequestCompletedEvent): NotificationDraft[] {
  return [
    draft(
      event.requesterId,
      'request.completed',
      { request: event.title, minutes: event.minutes },
      requestLink(event.requestId),
    ),
  ];
}

/**
 * The volunteer hears the service was confirmed (`requests.hours.verified`):
 * by the resident, or by a coordinator resolving a dispute with credit.
 */
export function requestConfirmed({ details }: HoursVerifiedEvent): NotificationDraft[] {
  if (details.source !== 'request') return [];
  return [
    draft(
      details.volunteerId,
      'request.confirmed',
      { request: details.description, minutes: details.minutes },
      requestLink(details.sourceId),
    ),
  ];
}

/** The volunteer hears of the dispute; the community's coordinators are asked to resolve it. */
export function requestDisputed(
  event: RequestDisputedEvent,
  coordinators: string[],
): NotificationDraft[] {
  const params = { request: event.title };
  const link = requestLink(event.requestId);
  return once([
    ...(event.volunteerId ? [draft(event.volunteerId, 'request.disputed', params, link)] : []),
    ...coordinators
      .filter((id) => id !== event.volunteerId && id !== event.requesterId)
      .map((id) => draft(id, 'dispute.opened', params, link)),
  ]);
}

/**
 * Both sides hear how a dispute ended. With credit, the volunteer already
 * hears it as a confirmation (requestConfirmed): told once, not twice.
 */
export function requestResolved(event: RequestResolvedEvent): NotificationDraft[] {
  const params = { request: event.title, minutes: event.minutes };
  const link = requestLink(event.requestId);
  return once([
    draft(event.requesterId, 'request.resolved', params, link),
    ...(event.volunteerId && event.minutes === 0
      ? [draft(event.volunteerId, 'request.resolved', params, link)]
      : []),
  ]);
}

export function requestExpiring(event: RequestExpiringEvent): NotificationDraft[] {
  return [
    draft(
      event.requesterId,
      'request.expiring',
      { request: event.title, endsAt: event.windowEnd },
      requestLink(event.requestId),
    ),
  ];
}

/** Approved hour logs (`volunteers.hours.verified` of source `hours`). */
export function hoursApproved({ details }: HoursVerifiedEvent): NotificationDraft[] {
  if (details.source !== 'hours') return [];
  return [
    draft(
      details.volunteerId,
      'hours.approved',
      { minutes: details.minutes, servedOn: details.servedOn },
      '/hours',
    ),
  ];
}

export function hoursRejected(event: HoursRejectedEvent): NotificationDraft[] {
  return [
    draft(
      event.volunteerId,
      'hours.rejected',
      { minutes: event.minutes, servedOn: event.servedOn, reason: event.reason },
      '/hours',
    ),
  ];
}

/** The community's coordinators have hours to review (never their own). */
export function hoursLogged(event: HoursLoggedEvent, coordinators: string[]): NotificationDraft[] {
  return once(
    coordinators
      .filter((id) => id !== event.volunteerId)
      .map((id) =>
        draft(
          id,
          'hours.waiting',
          { volunteer: event.volunteerName, minutes: event.minutes, servedOn: event.servedOn },
          QUEUE_LINK,
        ),
      ),
  );
}

export function tierReached(event: TierReachedEvent): NotificationDraft[] {
  return [draft(event.volunteerId, 'tier.reached', { level: event.level }, '/record')];
}

export function voucherRedeemed(event: VoucherRedeemedEvent): NotificationDraft[] {
  return [draft(event.memberId, 'voucher.redeemed', { offer: event.offerTitle }, '/vouchers')];
}

export function voucherExpiring(event: VoucherExpiringEvent): NotificationDraft[] {
  return [
    draft(
      event.memberId,
      'voucher.expiring',
      { offer: event.offerTitle, expiresOn: event.expiresAt },
      '/vouchers',
    ),
  ];
}

/** One "paid" per payment of a closed activity. */
export function activityPaid(event: ActivityClosedEvent): NotificationDraft[] {
  const link = activityLink(event.activity.activityId);
  return once(
    event.payments.map((payment) =>
      draft(
        payment.volunteerId,
        'activity.paid',
        { activity: event.activity.title, minutes: payment.minutes },
        link,
      ),
    ),
  );
}

export function activityCancelled(event: ActivityCancelledEvent): NotificationDraft[] {
  const link = activityLink(event.activity.activityId);
  return once(
    event.volunteerIds.map((id) =>
      draft(
        id,
        'activity.cancelled',
        { activity: event.activity.title, reason: event.reason },
        link,
      ),
    ),
  );
}

export function signupPromoted(event: SignupPromotedEvent): NotificationDraft[] {
  return [
    draft(
      event.volunteerId,
      'activity.promoted',
      { activity: event.activity.title, startsAt: event.activity.startsAt },
      activityLink(event.activity.activityId),
    ),
  ];
}

export function activityTomorrow(event: ActivityReminderEvent): NotificationDraft[] {
  const { activity } = event;
  const params = { activity: activity.title, startsAt: activity.startsAt, place: activity.place };
  return once(
    event.volunteerIds.map((id) =>
      draft(id, 'activity.tomorrow', params, activityLink(activity.activityId)),
    ),
  );
}
