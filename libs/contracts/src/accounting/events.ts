import { event } from '../message';
import { AccountOwnerType, HoldStatus, TransferKind } from './ledger.types';

export interface AccountRefPayload {
  accountId: string;
  ownerType: AccountOwnerType;
  ownerId: string | null;
}

/** `accounting.transfer.posted` */
export interface TransferPostedEvent {
  transferId: string;
  kind: TransferKind;
  minutes: number;
  from: AccountRefPayload;
  to: AccountRefPayload;
  reference: string | null;
  memo: string | null;
  reversesTransferId: string | null;
  holdId: string | null;
  at: string;
  /** The recipient's lifetime earned minutes after this transfer (tiers follow it). */
  toLifetimeEarnedMinutes: number;
  /** What the command that made it carried, e.g. the ServiceDetails of verified service. */
  details: Record<string, unknown> | null;
}

/** `accounting.hold.created` / `.posted` / `.voided` */
export interface HoldChangedEvent {
  holdId: string;
  kind: TransferKind;
  status: HoldStatus;
  minutes: number;
  postedMinutes: number | null;
  from: AccountRefPayload;
  to: AccountRefPayload | null;
  reference: string | null;
  transferId: string | null;
  at: string;
  /** Why a voided hold was voided, when the ledger did it on its own: its owner had no row for it. */
  voidedBecause?: 'owner-absent';
}

/** Durable events the accounting service publishes (JetStream, through its outbox). */
export const AccountingEvents = {
  transferPosted: event<TransferPostedEvent>('accounting.transfer.posted'),
  holdCreated: event<HoldChangedEvent>('accounting.hold.created'),
  holdPosted: event<HoldChangedEvent>('accounting.hold.posted'),
  holdVoided: event<HoldChangedEvent>('accounting.hold.voided'),
} as const;
