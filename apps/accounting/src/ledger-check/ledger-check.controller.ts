import { Handles } from '@app/common';
import { AccountingMessages, Actor, LedgerCheckView, NoPayload } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { LedgerCheckService } from './ledger-check.service';

@Controller()
export class LedgerCheckController {
  constructor(private readonly ledger: LedgerCheckService) {}

  @Handles(AccountingMessages.ledgerCheck)
  check(_: NoPayload, actor: Actor | null): Promise<LedgerCheckView> {
    return this.ledger.check(actor);
  }
}
