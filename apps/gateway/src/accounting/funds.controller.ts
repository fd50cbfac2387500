import { ServiceClient } from '@app/common';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountingMessages, Actor, AllocationDto, FundView, TransferView } from '@app/contracts';
import { Access, inParams } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Credits')
@Controller('communities/:id/fund')
export class FundsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access(['admin', 'coordinator'], inParams('id'))
  @ApiOperation({ summary: "A community fund's balance" })
  @ApiResponse({ status: 200, type: FundView })
  @ApiProblems(404)
  fund(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<FundView> {
    return this.services.call(AccountingMessages.fundGet, { communityId: id }, actor);
  }

  @Post('allocations')
  @Access(['admin'])
  @MovesCredits()
  @ApiOperation({ summary: "Allocate city credits to a community's fund" })
  @ApiResponse({ status: 201, type: TransferView })
  allocate(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() allocation: AllocationDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<TransferView> {
    return this.services.call(
      AccountingMessages.allocationCreate,
      { idempotencyKey, communityId: id, allocation },
      actor,
    );
  }
}
