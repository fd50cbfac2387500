import { ServiceClient } from '@app/common';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountingMessages, Actor, GiftDto, ReverseDto, TransferView } from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Credits')
@Controller('transfers')
export class TransfersController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Access()
  @MovesCredits()
  @ApiOperation({
    summary: 'Give some of my credits to another member (family)',
    description:
      'Name the recipient by exactly one of toMemberId, toPhone (any notation of the number) ' +
      'or toCardNumber; a phone or card number nobody has is 404.',
  })
  @ApiResponse({ status: 201, type: TransferView })
  gift(
    @CurrentActor() actor: Actor,
    @Body() gift: GiftDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<TransferView> {
    return this.services.call(AccountingMessages.giftCreate, { idempotencyKey, gift }, actor);
  }

  @Post(':id/reverse')
  @Access(['admin'])
  @MovesCredits()
  @ApiOperation({ summary: 'Undo a transfer with a reversing one (once)' })
  @ApiResponse({ status: 201, type: TransferView })
  reverse(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() { reason }: ReverseDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<TransferView> {
    return this.services.call(
      AccountingMessages.transferReverse,
      { idempotencyKey, transferId: id, reason },
      actor,
    );
  }
}
