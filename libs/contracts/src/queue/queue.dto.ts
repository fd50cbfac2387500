import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * Request–reply subjects each owning service answers for a community's queue
 * (GET /communities/{id}/queue): how much waits for a coordinator there. Each
 * takes a CommunityQueueQuery with the caller as actor and answers one count set.
 * @deprecated TRANSITION ONLY (issue 13): `communityQueueGet` of VolunteersMessages,
 * RequestsMessages and RewardsMessages, at `<service>.community-queue.get`.
 */
export const QueueSubjects = {
  /** Answered by the volunteers service (VolunteersQueue); it also checks the community exists. */
  volunteers: 'volunteers.hours.queue',
  /** Answered by the requests service (RequestsQueue). */
  requests: 'requests.request.queue',
  /** Answered by the rewards service (RewardsQueue). */
  rewards: 'rewards.offer.queue',
} as const;

export class CommunityQueueQuery {
  @IsUUID('all') communityId!: string;
}

/** `volunteers.community-queue.get` answer. */
export interface VolunteersQueue {
  hoursPending: number;
}

/** `requests.community-queue.get` answer. */
export interface RequestsQueue {
  disputesOpen: number;
  requestsToConfirm: number;
}

/** `rewards.community-queue.get` answer. */
export interface RewardsQueue {
  offersPendingApproval: number;
}

export class CommunityQueueView {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({
    type: 'integer',
    description: 'Logged hours waiting for review (GET /hours?status=pending&communityId=)',
  })
  hoursPending!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Disputed requests waiting to be resolved (GET /requests?status=disputed)',
  })
  disputesOpen!: number;
  @ApiProperty({
    type: 'integer',
    description:
      'Completed requests waiting for their requester’s confirmation, which a coordinator ' +
      'may give for a resident without a phone (GET /requests?status=completed)',
  })
  requestsToConfirm!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Offers of its merchants waiting for approval (GET /offers?communityId=)',
  })
  offersPendingApproval!: number;
}
