import {
  AccountingSubjects,
  AccountQuery,
  AccountsQuery,
  AccountView,
  Actor,
  FundQuery,
  FundView,
  MemberAccountQuery,
  MyAccountView,
  SetOverdraftLimitCommand,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(AccountingSubjects.myAccount)
  mine(@Payload('actor') actor: Actor | null): Promise<MyAccountView> {
    return this.accounts.mine(actor);
  }

  @MessagePattern(AccountingSubjects.memberAccount)
  ofMember(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { memberId }: MemberAccountQuery,
  ): Promise<MyAccountView> {
    return this.accounts.ofMember(actor, memberId);
  }

  @MessagePattern(AccountingSubjects.fundGet)
  fund(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: FundQuery,
  ): Promise<FundView> {
    return this.accounts.fund(actor, query.communityId);
  }

  @MessagePattern(AccountingSubjects.overdraftLimitSet)
  setOverdraftLimit(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: SetOverdraftLimitCommand,
  ): Promise<AccountView> {
    return this.accounts.setOverdraftLimit(actor, command);
  }

  @MessagePattern(AccountingSubjects.accountGet)
  get(@Payload('data') query: AccountQuery): Promise<AccountView> {
    return this.accounts.get(query.owner);
  }

  @MessagePattern(AccountingSubjects.accountsGet)
  getMany(@Payload('data') query: AccountsQuery): Promise<AccountView[]> {
    return this.accounts.getMany(query.owners);
  }
}
