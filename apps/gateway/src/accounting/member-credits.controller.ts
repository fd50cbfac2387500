import { ServiceClient } from '@app/common';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import {
  AccountingMessages,
  AccountView,
  Actor,
  AdjustmentDto,
  Locale,
  MyAccountView,
  TransferView,
  withTierName,
} from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { RequestLocale } from '../http/locale.decorator';
import { IdParam } from '../http/id-param.dto';

export class OverdraftLimitDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100000,
    example: 120,
    description: 'How far below zero the member may go',
  })
  @IsInt()
  @Min(0)
  @Max(100_000)
  overdraftLimitMinutes!: number;
}

@ApiTags('Credits')
@Controller('members/:id')
export class MemberCreditsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('account')
  @Access(['admin', 'coordinator'])
  @ApiOperation({
    summary: "A member's time credits, as GET /accounts/me shows them to the member",
    description:
      "For a member's page: admins, and coordinators of the member's community (checked by the " +
      'accounting service).',
  })
  @ApiResponse({ status: 200, type: MyAccountView })
  @ApiProblems(400, 404)
  async account(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @RequestLocale() locale: Locale,
  ): Promise<MyAccountView> {
    return withTierName(
      await this.services.call(AccountingMessages.memberAccountGet, { memberId: id }, actor),
      locale,
    );
  }

  @Post('adjustments')
  @Access(['admin', 'coordinator'])
  @MovesCredits()
  @ApiOperation({
    summary: "Correct a member's credits against its community fund",
    description:
      'Coordinators only for members of their communities (checked by the accounting service).',
  })
  @ApiResponse({ status: 201, type: TransferView })
  adjust(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() adjustment: AdjustmentDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<TransferView> {
    return this.services.call(
      AccountingMessages.adjustmentCreate,
      { idempotencyKey, memberId: id, adjustment },
      actor,
    );
  }

  @Put('overdraft-limit')
  @Access(['admin'])
  @ApiOperation({ summary: "Set how far below zero a member's account may go (default 0)" })
  @ApiResponse({ status: 200, type: AccountView })
  @ApiProblems(400, 404)
  setOverdraftLimit(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() { overdraftLimitMinutes }: OverdraftLimitDto,
  ): Promise<AccountView> {
    return this.services.call(
      AccountingMessages.overdraftLimitSet,
      { memberId: id, overdraftLimitMinutes },
      actor,
    );
  }
}
