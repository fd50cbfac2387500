import { AccountingSubjects, Actor, LedgerCheckView } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LedgerCheckService } from './ledger-check.service';

@Controller()
export class LedgerCheckController {
  constructor(private readonly ledger: LedgerCheckService) {}

  @MessagePattern(AccountingSubjects.ledgerCheck)
  check(@Payload('actor') actor: Actor | null): Promise<LedgerCheckView> {
    return this.ledger.check(actor);
  }
}
