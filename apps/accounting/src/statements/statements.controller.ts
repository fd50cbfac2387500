import { Handles } from '@app/common';
import {
  AccountingMessages,
  AccountQuery,
  Actor,
  PageQueryDto,
  StatementPage,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { StatementsService } from './statements.service';

@Controller()
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Handles(AccountingMessages.statementGetMine)
  mine(query: PageQueryDto, actor: Actor | null): Promise<StatementPage> {
    return this.statements.mine(actor, query);
  }

  @Handles(AccountingMessages.statementGet)
  get(query: AccountQuery): Promise<StatementPage> {
    return this.statements.get(query);
  }
}
