import { AccountOwnerType, TransferKind } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export interface StatementLine {
  entryId: number;
  transferId: string;
  at: Date;
  kind: TransferKind;
  amountMinutes: number;
  balanceAfterMinutes: number;
  memo: string | null;
  reference: string | null;
  counterpartyType: AccountOwnerType;
  counterpartyId: string | null;
  counterpartyName: string;
}

@Injectable()
export class StatementsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** One account's entries, newest first, before the entry id `before` when given. */
  async page(accountId: string, before: number | null, limit: number): Promise<StatementLine[]> {
    const rows: Array<{
      entry_id: string;
      transfer_id: string;
      created_at: Date;
      kind: TransferKind;
      amount: string;
      balance_after: string;
      memo: string | null;
      reference: string | null;
      owner_type: AccountOwnerType;
      owner_id: string | null;
      display_name: string;
    }> = await this.manager.query(
      `SELECT e.id AS entry_id, t.id AS transfer_id, t.created_at, t.kind, e.amount,
              e.balance_after, t.memo, t.reference, c.owner_type, c.owner_id, c.display_name
         FROM accounting.entries e
         JOIN accounting.transfers t ON t.id = e.transfer_id
         JOIN accounting.accounts c ON c.id = CASE WHEN t.from_account_id = e.account_id
                                                   THEN t.to_account_id ELSE t.from_account_id END
        WHERE e.account_id = $1 AND ($2::bigint IS NULL OR e.id < $2::bigint)
        ORDER BY e.id DESC
        LIMIT $3`,
      [accountId, before, limit],
    );
    return rows.map((r) => ({
      entryId: Number(r.entry_id),
      transferId: r.transfer_id,
      at: r.created_at,
      kind: r.kind,
      amountMinutes: Number(r.amount),
      balanceAfterMinutes: Number(r.balance_after),
      memo: r.memo,
      reference: r.reference,
      counterpartyType: r.owner_type,
      counterpartyId: r.owner_id,
      counterpartyName: r.display_name,
    }));
  }
}
