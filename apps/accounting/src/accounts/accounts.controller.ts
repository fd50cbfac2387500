import { Handles } from '@app/common';
import {
  AccountingMessages,
  AccountQuery,
  AccountsQuery,
  AccountView,
  Actor,
  FundQuery,
  FundView,
  MemberAccountQuery,
  MyAccountView,
  NoPayload,
  SetOverdraftLimitCommand,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Handles(AccountingMessages.accountGetMine)
  mine(_: NoPayload, actor: Actor | null): Promise<MyAccountView> {
    return this.accounts.mine(actor);
  }

  @Handles(AccountingMessages.memberAccountGet)
  ofMember({ memberId }: MemberAccountQuery, actor: Actor | null): Promise<MyAccountView> {
    return this.accounts.ofMember(actor, memberId);
  }

  @Handles(AccountingMessages.fundGet)
  fund(query: FundQuery, actor: Actor | null): Promise<FundView> {
    return this.accounts.fund(actor, query.communityId);
  }

  @Handles(AccountingMessages.overdraftLimitSet)
  setOverdraftLimit(command: SetOverdraftLimitCommand, actor: Actor | null): Promise<AccountView> {
    return this.accounts.setOverdraftLimit(actor, command);
  }

  @Handles(AccountingMessages.accountGet)
  get(query: AccountQuery): Promise<AccountView> {
    return this.accounts.get(query.owner);
  }

  @Handles(AccountingMessages.accountGetMany)
  getMany(query: AccountsQuery): Promise<AccountView[]> {
    return this.accounts.getMany(query.owners);
  }
}
