import { HelpRequestView, PersonView, RequestContactView, RequestStepView } from '@app/contracts';
import { MemberName } from '../members/member-names.repository';
import { RatingEntity } from '../ratings/ratings.entity';
import { CONTACT_STATUSES, RequestViewer, seesPrivateDetails } from './request-visibility';
import { HelpRequestEntity, RequestStepEntity } from './requests.entity';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

function person(id: string, names: Map<string, MemberName>): PersonView {
  // '' only while a name can be neither found here nor fetched (volunteers service away).
  return { id, displayName: names.get(id)?.displayName ?? '' };
}

/** The other party's phone for a party; both for a coordinator in scope or an admin. */
function contactFor(
  request: HelpRequestEntity,
  viewer: RequestViewer,
  names: Map<string, MemberName>,
): RequestContactView | null {
  if (request.volunteerId === null || !CONTACT_STATUSES.includes(request.status)) return null;
  const requesterPhone = names.get(request.requesterId)?.phone ?? null;
  const volunteerPhone = names.get(request.volunteerId)?.phone ?? null;
  if (viewer.memberId === request.requesterId) return { phone: volunteerPhone };
  if (viewer.memberId === request.volunteerId) return { phone: requesterPhone };
  return { phone: requesterPhone, requesterPhone, volunteerPhone };
}

/**
 * The request as `viewer` may see it (they may: see maySee). Names come from
 * the local copy; the dispute reason, the rating comment and contact details
 * are left out for anyone who is not a party, a coordinator in scope or an admin.
 */
export function toHelpRequestView(
  request: HelpRequestEntity,
  rating: RatingEntity | null | undefined,
  names: Map<string, MemberName>,
  viewer: RequestViewer,
): HelpRequestView {
  const view: HelpRequestView = {
    id: request.id,
    title: request.title,
    description: request.description,
    category: request.category,
    status: request.status,
    requesterId: request.requesterId,
    createdBy: request.createdBy,
    volunteerId: request.volunteerId,
    requester: person(request.requesterId, names),
    volunteer: request.volunteerId === null ? null : person(request.volunteerId, names),
    communityId: request.communityId,
    gridUnitId: request.gridUnitId,
    windowStart: request.windowStart.toISOString(),
    windowEnd: request.windowEnd.toISOString(),
    estimatedMinutes: request.estimatedMinutes,
    completedMinutes: request.completedMinutes,
    confirmedMinutes: request.confirmedMinutes,
    funding: request.funding,
    completionNote: request.completionNote,
    resolutionNote: request.resolutionNote,
    confirmedBy: request.confirmedBy,
    cancelledBy: request.cancelledBy,
    disputedBy: request.disputedBy,
    rating: rating?.rating ?? null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    acceptedAt: iso(request.acceptedAt),
    completedAt: iso(request.completedAt),
    confirmedAt: iso(request.confirmedAt),
    disputedAt: iso(request.disputedAt),
    cancelledAt: iso(request.cancelledAt),
    expiredAt: iso(request.expiredAt),
  };
  if (!seesPrivateDetails(viewer, request)) return view;
  return {
    ...view,
    contact: contactFor(request, viewer, names),
    disputeReason: request.disputeReason,
    ratingComment: rating?.comment ?? null,
  };
}

export function toRequestStepView(
  step: RequestStepEntity,
  names: Map<string, MemberName>,
): RequestStepView {
  return {
    action: step.action,
    status: step.status,
    at: step.at.toISOString(),
    actedBy: step.actedBy === null ? null : person(step.actedBy, names),
    onBehalfOf: step.onBehalfOf === null ? null : person(step.onBehalfOf, names),
  };
}
