import { HelpRequestView } from '@app/contracts';
import { RatingEntity } from '../ratings/ratings.entity';
import { HelpRequestEntity } from './requests.entity';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function toHelpRequestView(
  request: HelpRequestEntity,
  rating: RatingEntity | null | undefined,
): HelpRequestView {
  return {
    id: request.id,
    title: request.title,
    description: request.description,
    category: request.category,
    status: request.status,
    requesterId: request.requesterId,
    createdBy: request.createdBy,
    volunteerId: request.volunteerId,
    communityId: request.communityId,
    gridUnitId: request.gridUnitId,
    windowStart: request.windowStart.toISOString(),
    windowEnd: request.windowEnd.toISOString(),
    estimatedMinutes: request.estimatedMinutes,
    completedMinutes: request.completedMinutes,
    confirmedMinutes: request.confirmedMinutes,
    funding: request.funding,
    completionNote: request.completionNote,
    disputeReason: request.disputeReason,
    resolutionNote: request.resolutionNote,
    confirmedBy: request.confirmedBy,
    cancelledBy: request.cancelledBy,
    rating: rating?.rating ?? null,
    ratingComment: rating?.comment ?? null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    acceptedAt: iso(request.acceptedAt),
    completedAt: iso(request.completedAt),
    confirmedAt: iso(request.confirmedAt),
    disputedAt: iso(request.disputedAt),
    cancelledAt: iso(request.cancelledAt),
    expiredAt: iso(request.expiredAt),
  };
}
