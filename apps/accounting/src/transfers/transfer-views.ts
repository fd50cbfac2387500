import { AccountRefPayload, TransferPostedEvent, TransferView } from '@app/contracts';
import { AccountState } from './ledger-rules';
import { TransferRow } from './transfers.repository';

export function toTransferView(transfer: TransferRow): TransferView {
  return {
    transferId: transfer.id,
    kind: transfer.kind,
    minutes: transfer.minutes,
    fromAccountId: transfer.fromAccountId,
    toAccountId: transfer.toAccountId,
    at: transfer.createdAt.toISOString(),
    memo: transfer.memo,
    reference: transfer.reference,
    reversesTransferId: transfer.reversesTransferId,
  };
}

export function accountRef(account: AccountState): AccountRefPayload {
  return { accountId: account.id, ownerType: account.ownerType, ownerId: account.ownerId };
}

export function transferPostedEvent(
  transfer: TransferRow,
  from: AccountState,
  to: AccountState,
  toLifetimeEarnedMinutes: number,
  details: Record<string, unknown> | null = null,
): TransferPostedEvent {
  return {
    transferId: transfer.id,
    kind: transfer.kind,
    minutes: transfer.minutes,
    from: accountRef(from),
    to: accountRef(to),
    reference: transfer.reference,
    memo: transfer.memo,
    reversesTransferId: transfer.reversesTransferId,
    holdId: transfer.holdId,
    at: transfer.createdAt.toISOString(),
    toLifetimeEarnedMinutes,
    details,
  };
}
