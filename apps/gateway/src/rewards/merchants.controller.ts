import { ServiceClient } from '@app/common';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CreateMerchantDto,
  CreateOfferDto,
  MerchantView,
  OfferView,
  PageQueryDto,
  RedemptionPage,
  RedemptionsQueryDto,
  RewardsMessages,
  SettlementDto,
  SettlementPage,
  TransferView,
} from '@app/contracts';
import { Access, inBody } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Rewards')
@Controller('merchants')
export class MerchantsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Access(['coordinator', 'admin'], inBody('communityId'))
  @ApiOperation({
    summary: 'Sign a partner merchant up (coordinator in scope, admin); active at once',
    description: 'Its staff are then created with POST /members, role merchant and its merchantId.',
  })
  @ApiResponse({ status: 201, type: MerchantView })
  @ApiProblems(400)
  create(@CurrentActor() actor: Actor, @Body() merchant: CreateMerchantDto): Promise<MerchantView> {
    return this.services.call(RewardsMessages.merchantCreate, merchant, actor);
  }

  @Post(':id/offers')
  @Access(['merchant', 'coordinator', 'admin'])
  @ApiOperation({
    summary: 'Publish an offer (its staff, coordinator in scope); it waits for approval',
  })
  @ApiResponse({ status: 201, type: OfferView })
  @ApiProblems(400, 404)
  createOffer(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() offer: CreateOfferDto,
  ): Promise<OfferView> {
    return this.services.call(RewardsMessages.offerCreate, { merchantId: id, offer }, actor);
  }

  @Get(':id/redemptions')
  @Access(['merchant', 'coordinator', 'admin'])
  @ApiOperation({
    summary: "A merchant's redeemed vouchers, latest first (its staff, coordinator in scope)",
    description: "from and to (the city's days, both included) keep those days' only.",
  })
  @ApiResponse({ status: 200, type: RedemptionPage })
  @ApiProblems(400, 404)
  redemptions(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: RedemptionsQueryDto,
  ): Promise<RedemptionPage> {
    return this.services.call(RewardsMessages.redemptionList, { ...query, merchantId: id }, actor);
  }

  @Get(':id/settlements')
  @Access(['merchant', 'coordinator', 'admin'])
  @ApiOperation({
    summary:
      "What a merchant's credits were settled for, latest first (its staff, coordinator in scope)",
  })
  @ApiResponse({ status: 200, type: SettlementPage })
  @ApiProblems(400, 404)
  settlements(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: PageQueryDto,
  ): Promise<SettlementPage> {
    return this.services.call(RewardsMessages.settlementList, { ...query, merchantId: id }, actor);
  }

  @Post(':id/settlements')
  @Access(['coordinator', 'admin'])
  @MovesCredits()
  @ApiOperation({
    summary: "Pay a merchant's credits back to its community fund (coordinator in scope)",
    description:
      'All of its available credits when minutes is left out; 409 INSUFFICIENT_CREDITS when ' +
      'there is nothing to settle or less than the minutes named.',
  })
  @ApiResponse({ status: 201, type: TransferView })
  settle(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() settlement: SettlementDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<TransferView> {
    return this.services.call(
      RewardsMessages.settlementCreate,
      { merchantId: id, idempotencyKey, settlement },
      actor,
    );
  }
}
