import { message, reply } from '../message';
import { CreateHoldCommand, HoldView, PostHoldCommand, VoidHoldCommand } from './ledger.dto';

/**
 * Every request–reply message the accounting service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const AccountingMessages = {
  // what the gateway asks on a member's behalf

  // what other services ask (never exposed over HTTP)
  holdCreate: message('accounting.hold.create', CreateHoldCommand, reply<HoldView>()),
  holdPost: message('accounting.hold.post', PostHoldCommand, reply<HoldView>()),
  holdVoid: message('accounting.hold.void', VoidHoldCommand, reply<HoldView>()),

  // asked by the gateway for a community's report and queue
} as const;
