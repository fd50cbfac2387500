import { ServiceClient } from '@app/common';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CommunityQueueView,
  RequestsMessages,
  RewardsMessages,
  VolunteersMessages,
} from '@app/contracts';
import { Access, inParams } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Reports')
@Controller('communities/:id/queue')
export class CommunityQueueController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access(['admin', 'coordinator'], inParams('id'))
  @ApiOperation({
    summary: "What waits for a community's coordinators, counted (the console's menu)",
    description:
      'Each owning service counts its share: hours to review, disputes to resolve, services to ' +
      'confirm, offers to approve. When one cannot answer, neither does this (503/504 naming ' +
      'it) rather than show a count of 0 that is not true.',
  })
  @ApiResponse({ status: 200, type: CommunityQueueView })
  @ApiProblems(400, 404, 503, 504)
  async queue(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<CommunityQueueView> {
    const query = { communityId: id };
    // At once: a menu waits for the slowest, not for the sum.
    const [service, requests, rewards] = await Promise.all([
      this.services.call(VolunteersMessages.communityQueueGet, query, actor),
      this.services.call(RequestsMessages.communityQueueGet, query, actor),
      this.services.call(RewardsMessages.communityQueueGet, query, actor),
    ]);
    return {
      communityId: id,
      hoursPending: service.hoursPending,
      disputesOpen: requests.disputesOpen,
      requestsToConfirm: requests.requestsToConfirm,
      offersPendingApproval: rewards.offersPendingApproval,
    };
  }
}
