import {
  AccountingSubjects,
  AccountQuery,
  Actor,
  PageQueryDto,
  StatementPage,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { StatementsService } from './statements.service';

@Controller()
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @MessagePattern(AccountingSubjects.myStatement)
  mine(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: PageQueryDto,
  ): Promise<StatementPage> {
    return this.statements.mine(actor, query);
  }

  @MessagePattern(AccountingSubjects.statementGet)
  get(@Payload('data') query: AccountQuery): Promise<StatementPage> {
    return this.statements.get(query);
  }
}
