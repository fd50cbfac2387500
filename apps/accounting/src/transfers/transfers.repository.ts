import { AccountOwnerType, TransferKind } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AccountState } from './ledger-rules';

export interface TransferRow {
  id: string;
  kind: TransferKind;
  fromAccountId: string;
  toAccountId: string;
  minutes: number;
  reference: string | null;
  memo: string | null;
  actorId: string | null;
  idempotencyKey: string;
  requestHash: string;
  reversesTransferId: string | null;
  holdId: string | null;
  createdAt: Date;
}

export interface EntryRow {
  transferId: string;
  accountId: string;
  amountMinutes: number;
  balanceAfterMinutes: number;
}

/** The columns a transfer and a hold share: what moves, from whom, and the request that asked. */
export interface RawTerms {
  id: string;
  kind: TransferKind;
  from_account_id: string;
  minutes: string;
  reference: string | null;
  memo: string | null;
  actor_id: string | null;
  idempotency_key: string;
  request_hash: string;
  created_at: Date;
}

/** bigint columns arrive as strings; every amount fits a double by far (MAX_TRANSFER_MINUTES). */
export function termsOf(raw: RawTerms) {
  return {
    id: raw.id,
    kind: raw.kind,
    fromAccountId: raw.from_account_id,
    minutes: Number(raw.minutes),
    reference: raw.reference,
    memo: raw.memo,
    actorId: raw.actor_id,
    idempotencyKey: raw.idempotency_key,
    requestHash: raw.request_hash,
    createdAt: raw.created_at,
  };
}

interface RawTransfer extends RawTerms {
  to_account_id: string;
  reverses_transfer_id: string | null;
  hold_id: string | null;
}

function toTransferRow(raw: RawTransfer): TransferRow {
  return {
    ...termsOf(raw),
    toAccountId: raw.to_account_id,
    reversesTransferId: raw.reverses_transfer_id,
    holdId: raw.hold_id,
  };
}

const TRANSFER_COLUMNS = `id, kind, from_account_id, to_account_id, minutes, reference, memo,
  actor_id, idempotency_key, request_hash, reverses_transfer_id, hold_id, created_at`;

/** Every query that writes the ledger: transfers, their entries and the balances they change. */
@Injectable()
export class TransfersRepository {
  constructor(@InjectEntityManager() readonly manager: EntityManager) {}

  /**
   * Runs `work` in one transaction, against a repository bound to it: the
   * caller's when `joined` is given (an event's consumer), else a new one.
   */
  transaction<T>(
    work: (tx: TransfersRepository) => Promise<T>,
    joined?: EntityManager,
  ): Promise<T> {
    if (joined) return work(new TransfersRepository(joined));
    return this.manager.transaction((manager) => work(new TransfersRepository(manager)));
  }

  async findById(id: string): Promise<TransferRow | null> {
    const rows: RawTransfer[] = await this.manager.query(
      `SELECT ${TRANSFER_COLUMNS} FROM accounting.transfers WHERE id = $1`,
      [id],
    );
    return rows[0] ? toTransferRow(rows[0]) : null;
  }

  async findByKeys(keys: string[]): Promise<TransferRow[]> {
    if (keys.length === 0) return [];
    const rows: RawTransfer[] = await this.manager.query(
      `SELECT ${TRANSFER_COLUMNS} FROM accounting.transfers WHERE idempotency_key = ANY($1::text[])`,
      [keys],
    );
    return rows.map(toTransferRow);
  }

  /** Which of these transfers have been reversed already. */
  async reversedAmong(transferIds: string[]): Promise<Set<string>> {
    if (transferIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.manager.query(
      `SELECT reverses_transfer_id AS id FROM accounting.transfers
        WHERE reverses_transfer_id = ANY($1::uuid[])`,
      [transferIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Locks one row per account, in account-id order (every writer does the
   * same, so writers never deadlock), and returns what the rules need.
   */
  async lockAccounts(ids: string[]): Promise<Map<string, AccountState>> {
    const rows: Array<{
      id: string;
      owner_type: AccountOwnerType;
      owner_id: string | null;
      balance: string;
      held: string;
      lifetime_earned: string;
      overdraft_limit: string | null;
    }> = await this.manager.query(
      `SELECT id, owner_type, owner_id, balance, held, lifetime_earned, overdraft_limit
         FROM accounting.accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          ownerType: r.owner_type,
          ownerId: r.owner_id,
          balanceMinutes: Number(r.balance),
          heldMinutes: Number(r.held),
          lifetimeEarnedMinutes: Number(r.lifetime_earned),
          overdraftLimitMinutes: r.overdraft_limit === null ? null : Number(r.overdraft_limit),
        },
      ]),
    );
  }

  /** Minutes each account has given as gifts since `since` (the start of the city's day). */
  async giftsSince(accountIds: string[], since: Date): Promise<Map<string, number>> {
    if (accountIds.length === 0) return new Map();
    const rows: { id: string; minutes: string }[] = await this.manager.query(
      `SELECT from_account_id AS id, sum(minutes) AS minutes FROM accounting.transfers
        WHERE kind = 'gift' AND from_account_id = ANY($1::uuid[])
          AND created_at >= $2
        GROUP BY from_account_id`,
      [accountIds, since],
    );
    return new Map(rows.map((r) => [r.id, Number(r.minutes)]));
  }

  /** Inserts transfers and their entries, each in one statement. */
  async insertTransfers(transfers: TransferRow[], entries: EntryRow[]): Promise<void> {
    if (transfers.length === 0) return;
    await this.manager.query(
      `INSERT INTO accounting.transfers (${TRANSFER_COLUMNS})
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::bigint[],
         $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::uuid[], $12::uuid[],
         $13::timestamptz[])`,
      [
        transfers.map((t) => t.id),
        transfers.map((t) => t.kind),
        transfers.map((t) => t.fromAccountId),
        transfers.map((t) => t.toAccountId),
        transfers.map((t) => t.minutes),
        transfers.map((t) => t.reference),
        transfers.map((t) => t.memo),
        transfers.map((t) => t.actorId),
        transfers.map((t) => t.idempotencyKey),
        transfers.map((t) => t.requestHash),
        transfers.map((t) => t.reversesTransferId),
        transfers.map((t) => t.holdId),
        transfers.map((t) => t.createdAt.toISOString()),
      ],
    );
    // Entry ids follow the array's order, so statements show each running balance in sequence.
    await this.manager.query(
      `INSERT INTO accounting.entries (transfer_id, account_id, amount, balance_after)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::bigint[])`,
      [
        entries.map((e) => e.transferId),
        entries.map((e) => e.accountId),
        entries.map((e) => e.amountMinutes),
        entries.map((e) => e.balanceAfterMinutes),
      ],
    );
  }

  /** Writes the new balance, held and lifetime of each account, in one statement. */
  async saveAccounts(accounts: AccountState[]): Promise<void> {
    if (accounts.length === 0) return;
    await this.manager.query(
      `UPDATE accounting.accounts AS a
          SET balance = v.balance, held = v.held, lifetime_earned = v.lifetime, updated_at = now()
         FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[])
           AS v (id, balance, held, lifetime)
        WHERE a.id = v.id`,
      [
        accounts.map((a) => a.id),
        accounts.map((a) => a.balanceMinutes),
        accounts.map((a) => a.heldMinutes),
        accounts.map((a) => a.lifetimeEarnedMinutes),
      ],
    );
  }
}
