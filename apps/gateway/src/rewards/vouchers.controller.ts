import { ServiceClient } from '@app/common';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  MyVouchersQuery,
  RedeemedVoucherView,
  RedeemVoucherDto,
  RewardsMessages,
  VoucherPage,
  VoucherView,
} from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Rewards')
@Controller('vouchers')
export class VouchersController {
  constructor(private readonly services: ServiceClient) {}

  @Get('mine')
  @Access()
  @ApiOperation({ summary: 'My vouchers, newest first' })
  @ApiResponse({ status: 200, type: VoucherPage })
  @ApiProblems(400)
  mine(@CurrentActor() actor: Actor, @Query() query: MyVouchersQuery): Promise<VoucherPage> {
    return this.services.call(RewardsMessages.voucherListMine, query, actor);
  }

  @Post('redeem')
  @HttpCode(200)
  @Access(['merchant'])
  @MovesCredits()
  @ApiOperation({
    summary: 'Redeem a code at the counter (merchant staff); the hold is paid to the merchant',
    description:
      "404 for an unknown code and for another merchant's (a 403 would tell a guesser the code " +
      'is real); 409 INVALID_STATE for a used, cancelled or expired one; 429 RATE_LIMITED after ' +
      'too many failed attempts by the staff member or the merchant, Retry-After saying in how ' +
      'many seconds one more attempt is taken. Each refusal names its reason in the problem ' +
      '(reason: not_found, expired, redeemed, cancelled, too_many_failures) for the counter to ' +
      'say in plain words.',
  })
  @ApiResponse({ status: 200, type: RedeemedVoucherView })
  @ApiProblems(429)
  redeem(
    @CurrentActor() actor: Actor,
    @Body() redemption: RedeemVoucherDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<RedeemedVoucherView> {
    return this.services.call(RewardsMessages.voucherRedeem, { idempotencyKey, redemption }, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access()
  @ApiOperation({ summary: 'Give an issued voucher back (its owner); the hold is released' })
  @ApiResponse({ status: 200, type: VoucherView })
  @ApiProblems(400, 404, 409)
  cancel(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<VoucherView> {
    return this.services.call(RewardsMessages.voucherCancel, { id }, actor);
  }
}
