import { ServiceClient } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountingMessages, Actor, LedgerCheckView } from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';

@ApiTags('Credits')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly services: ServiceClient) {}

  @Get('check')
  @Access(['admin'])
  @ApiOperation({ summary: "Check the ledger's invariants on the live books" })
  @ApiResponse({ status: 200, type: LedgerCheckView })
  check(@CurrentActor() actor: Actor): Promise<LedgerCheckView> {
    return this.services.call(AccountingMessages.ledgerCheck, {}, actor);
  }
}
