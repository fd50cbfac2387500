/** Request–reply subjects of the accounting service (prefix added by the transport). */
export const AccountingSubjects = {
  health: 'accounting.health.check',
  // member-facing commands, with the rules of who may (the actor is checked here)
  myAccount: 'accounting.account.mine',
  myStatement: 'accounting.statement.mine',
  giftCreate: 'accounting.gift.create',
  adjustmentCreate: 'accounting.adjustment.create',
  allocationCreate: 'accounting.allocation.create',
  transferReverse: 'accounting.transfer.reverse',
  fundGet: 'accounting.fund.get',
  ledgerCheck: 'accounting.ledger.check',
  overdraftLimitSet: 'accounting.account.limit.set',
  memberAccount: 'accounting.account.member',
  // the ledger's own commands, for other services (never exposed over HTTP)
  accountGet: 'accounting.account.get',
  accountsGet: 'accounting.accounts.get',
  statementGet: 'accounting.statement.get',
  transferCreate: 'accounting.transfer.create',
} as const;
