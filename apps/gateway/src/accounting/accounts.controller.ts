import { ServiceClient } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  AccountingMessages,
  Actor,
  Locale,
  MyAccountView,
  StatementPage,
  StatementQueryDto,
  withTierName,
} from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLocale } from '../http/locale.decorator';

@ApiTags('Credits')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('me')
  @Access()
  @ApiOperation({ summary: 'My time credits: balance, held, available, lifetime earned and tier' })
  @ApiResponse({ status: 200, type: MyAccountView })
  async mine(
    @CurrentActor() actor: Actor,
    @RequestLocale() locale: Locale,
  ): Promise<MyAccountView> {
    return withTierName(
      await this.services.call(AccountingMessages.accountGetMine, {}, actor),
      locale,
    );
  }

  @Get('me/statement')
  @Access()
  @ApiOperation({ summary: 'My transfers, newest first, with the running balance' })
  @ApiResponse({ status: 200, type: StatementPage })
  statement(
    @CurrentActor() actor: Actor,
    @Query() page: StatementQueryDto,
  ): Promise<StatementPage> {
    return this.services.call(AccountingMessages.statementGetMine, page, actor);
  }
}
