import { message, reply } from '../message';

/**
 * Every request–reply message the volunteers service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const VolunteersMessages = {
  // what the gateway asks on a member's behalf

  // what other services ask (never exposed over HTTP)

  // asked by the ledger's hold-owner sweeper

  // asked by the gateway for a community's report and queue
} as const;
