import { PageQueryDto } from '../common/page';
import { message, NoPayload, reply } from '../message';
import {
  AccountQuery,
  AccountsQuery,
  AccountView,
  AdjustmentCommand,
  AllocationCommand,
  CreateHoldCommand,
  CreateTransferCommand,
  FundQuery,
  FundView,
  GiftCommand,
  HoldView,
  LedgerCheckView,
  MemberAccountQuery,
  MyAccountView,
  PostHoldCommand,
  ReverseCommand,
  SetOverdraftLimitCommand,
  StatementPage,
  TransferView,
  VoidHoldCommand,
} from './ledger.dto';

/**
 * Every request–reply message the accounting service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const AccountingMessages = {
  // what the gateway asks on a member's behalf
  accountGetMine: message('accounting.account.get-mine', NoPayload, reply<MyAccountView>()),
  statementGetMine: message('accounting.statement.get-mine', PageQueryDto, reply<StatementPage>()),
  memberAccountGet: message(
    'accounting.member-account.get',
    MemberAccountQuery,
    reply<MyAccountView>(),
  ),
  fundGet: message('accounting.fund.get', FundQuery, reply<FundView>()),
  overdraftLimitSet: message(
    'accounting.overdraft-limit.set',
    SetOverdraftLimitCommand,
    reply<AccountView>(),
  ),
  giftCreate: message('accounting.gift.create', GiftCommand, reply<TransferView>()),
  adjustmentCreate: message(
    'accounting.adjustment.create',
    AdjustmentCommand,
    reply<TransferView>(),
  ),
  allocationCreate: message(
    'accounting.allocation.create',
    AllocationCommand,
    reply<TransferView>(),
  ),
  transferReverse: message('accounting.transfer.reverse', ReverseCommand, reply<TransferView>()),
  ledgerCheck: message('accounting.ledger.check', NoPayload, reply<LedgerCheckView>()),

  // what other services ask (never exposed over HTTP)
  accountGet: message('accounting.account.get', AccountQuery, reply<AccountView>()),
  accountGetMany: message('accounting.account.get-many', AccountsQuery, reply<AccountView[]>()),
  statementGet: message('accounting.statement.get', AccountQuery, reply<StatementPage>()),
  transferCreate: message(
    'accounting.transfer.create',
    CreateTransferCommand,
    reply<TransferView>(),
  ),
  holdCreate: message('accounting.hold.create', CreateHoldCommand, reply<HoldView>()),
  holdPost: message('accounting.hold.post', PostHoldCommand, reply<HoldView>()),
  holdVoid: message('accounting.hold.void', VoidHoldCommand, reply<HoldView>()),

  // asked by the gateway for a community's report and queue
} as const;
