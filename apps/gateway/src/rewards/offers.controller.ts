import { ServiceClient } from '@app/common';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ListOffersQuery,
  OfferPage,
  OfferView,
  RewardsMessages,
  VoucherView,
} from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Rewards')
@Controller('offers')
export class OffersController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access()
  @ApiOperation({
    summary: 'Offers, newest first, with what remains of each',
    description:
      'Everyone sees active offers; staff and coordinators also their own pending and paused ones. ' +
      'Each item’s eligibility says whether the caller may claim it now and, if not, why ' +
      '(reason: own_merchant, not_active, not_yet_valid, expired, tier_too_low, limit_reached, ' +
      'sold_out, insufficient_credits). eligible=true: only what the caller may claim now.',
  })
  @ApiResponse({ status: 200, type: OfferPage })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListOffersQuery): Promise<OfferPage> {
    return this.services.call(RewardsMessages.offerList, query, actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access(['coordinator', 'admin'])
  @ApiOperation({ summary: 'Approve a pending offer (coordinator in scope): active' })
  @ApiResponse({ status: 200, type: OfferView })
  @ApiProblems(400, 404, 409)
  approve(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<OfferView> {
    return this.services.call(RewardsMessages.offerApprove, { id }, actor);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Access(['merchant', 'coordinator', 'admin'])
  @ApiOperation({ summary: 'Pause an active offer (its staff, coordinator in scope): no claims' })
  @ApiResponse({ status: 200, type: OfferView })
  @ApiProblems(400, 404, 409)
  pause(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<OfferView> {
    return this.services.call(RewardsMessages.offerPause, { id }, actor);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Access(['merchant', 'coordinator', 'admin'])
  @ApiOperation({ summary: 'Resume a paused offer (its staff, coordinator in scope)' })
  @ApiResponse({ status: 200, type: OfferView })
  @ApiProblems(400, 404, 409)
  resume(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<OfferView> {
    return this.services.call(RewardsMessages.offerResume, { id }, actor);
  }

  @Post(':id/claim')
  @Access()
  @MovesCredits()
  @ApiOperation({
    summary: 'Claim a voucher (any member); the credit cost is held until it is used or given back',
    description:
      'Residents and volunteers alike: tier, stock, the per-member limit and available credits ' +
      'decide. 409 NOT_ELIGIBLE (tier, per-member limit, one’s own merchant), INVALID_STATE (not ' +
      'active: pending or paused, or outside its validity window), SOLD_OUT, ' +
      'INSUFFICIENT_CREDITS. GET /offers says which applies in each item’s eligibility.reason.',
  })
  @ApiResponse({ status: 201, type: VoucherView })
  claim(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<VoucherView> {
    return this.services.call(RewardsMessages.offerClaim, { id, idempotencyKey }, actor);
  }
}
