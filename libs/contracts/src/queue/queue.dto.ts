import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

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
