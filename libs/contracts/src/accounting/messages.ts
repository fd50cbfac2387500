import { message, reply } from '../message';
import { CreateHoldCommand, HoldView, PostHoldCommand, VoidHoldCommand } from './ledger.dto';

/**
 * Every request–reply message the accounting service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const AccountingMessages = {
  // the ledger's own commands, for other services (never exposed over HTTP)
  holdCreate: message('accounting.hold.create', CreateHoldCommand, reply<HoldView>()),
  holdPost: message('accounting.hold.post', PostHoldCommand, reply<HoldView>()),
  holdVoid: message('accounting.hold.void', VoidHoldCommand, reply<HoldView>()),
} as const;
