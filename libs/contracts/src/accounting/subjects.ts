/**
 * Request–reply subjects of the accounting service (prefix added by the transport).
 * @deprecated TRANSITION ONLY (issue 13): every message is declared in AccountingMessages.
 */
export const AccountingSubjects = {
  health: 'accounting.health.check',
} as const;
