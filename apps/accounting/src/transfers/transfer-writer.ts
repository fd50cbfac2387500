import { DomainError, Outbox, OutboxEntry, outboxEntry } from '@app/common';
import { AccountingEvents } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccountState, applyMovement } from './ledger-rules';
import { transferPostedEvent } from './transfer-views';
import { EntryRow, TransferRow, TransfersRepository } from './transfers.repository';

/** A transfer to post: its row but for the id and time, and what the rules need besides. */
export interface NewTransfer extends Omit<TransferRow, 'id' | 'createdAt'> {
  /** Minutes of the payer's hold this transfer settles (a hold's posting), else 0. */
  releasesHeldMinutes: number;
  /** The reversal of a service credit: the payer (its first recipient) gives the lifetime back. */
  unearns: boolean;
  /** Passed on in the transfer-posted event, not stored. */
  details: Record<string, unknown> | null;
}

/**
 * The one place a transfer is written (the batcher's transfers, a hold's
 * posting): its row, its two entries, the balances it moves and its
 * `transfer.posted` event, all in the caller's transaction.
 */
@Injectable()
export class TransferWriter {
  constructor(private readonly outbox: Outbox) {}

  /** Transfers to post in `tx`, between accounts it has locked (`TransfersRepository.lockAccounts`). */
  begin(
    tx: TransfersRepository,
    accounts: Map<string, AccountState>,
    at: Date = new Date(),
  ): PendingTransfers {
    return new PendingTransfers(tx, accounts, at, this.outbox);
  }
}

/** Transfers the rules allowed in one transaction, written together (one statement per table). */
export class PendingTransfers {
  private readonly transfers: TransferRow[] = [];
  private readonly entries: EntryRow[] = [];
  private readonly events: OutboxEntry[] = [];
  private readonly touched = new Map<string, AccountState>();

  constructor(
    private readonly tx: TransfersRepository,
    private readonly accounts: Map<string, AccountState>,
    private readonly at: Date,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Moves the credits when the rules allow it and returns the posted transfer,
   * to be written by `write`; or returns the refusal and changes nothing.
   */
  post({ releasesHeldMinutes, unearns, details, ...row }: NewTransfer): TransferRow | DomainError {
    const result = applyMovement(this.accounts, {
      fromAccountId: row.fromAccountId,
      toAccountId: row.toAccountId,
      minutes: row.minutes,
      earns: row.kind === 'service',
      unearns,
      releasesHeldMinutes,
    });
    if (result instanceof DomainError) return result;
    const from = this.accounts.get(row.fromAccountId) as AccountState;
    const to = this.accounts.get(row.toAccountId) as AccountState;
    const transfer: TransferRow = { id: randomUUID(), ...row, createdAt: this.at };
    this.transfers.push(transfer);
    this.entries.push(
      {
        transferId: transfer.id,
        accountId: from.id,
        amountMinutes: -row.minutes,
        balanceAfterMinutes: result.fromBalanceAfterMinutes,
      },
      {
        transferId: transfer.id,
        accountId: to.id,
        amountMinutes: row.minutes,
        balanceAfterMinutes: result.toBalanceAfterMinutes,
      },
    );
    this.events.push(
      outboxEntry(
        AccountingEvents.transferPosted,
        transferPostedEvent(transfer, from, to, result.toLifetimeEarnedMinutes, details),
      ),
    );
    this.touched.set(from.id, from).set(to.id, to);
    return transfer;
  }

  /**
   * Writes the posted transfers with their entries, the balances they moved and
   * their events, and `alongside` events of the same change in the same statement.
   */
  async write(...alongside: OutboxEntry[]): Promise<void> {
    await this.tx.insertTransfers(this.transfers, this.entries);
    await this.tx.saveAccounts([...this.touched.values()]);
    await this.outbox.addMany(this.tx.manager, [...this.events, ...alongside]);
  }
}
