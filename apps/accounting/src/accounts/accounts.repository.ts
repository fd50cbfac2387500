import { AccountOwnerType } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { affectedRows } from '../database/query-results';

export interface AccountRow {
  id: string;
  ownerType: AccountOwnerType;
  ownerId: string | null;
  communityId: string | null;
  displayName: string;
  balanceMinutes: number;
  heldMinutes: number;
  lifetimeEarnedMinutes: number;
  overdraftLimitMinutes: number | null;
}

export interface NewAccount {
  ownerType: Exclude<AccountOwnerType, 'issuance'>;
  ownerId: string;
  communityId: string | null;
  displayName: string;
}

interface RawAccount {
  id: string;
  owner_type: AccountOwnerType;
  owner_id: string | null;
  community_id: string | null;
  display_name: string;
  balance: string;
  held: string;
  lifetime_earned: string;
  overdraft_limit: string | null;
}

export const ACCOUNT_COLUMNS = `id, owner_type, owner_id, community_id, display_name,
  balance, held, lifetime_earned, overdraft_limit`;

/** bigint columns arrive as strings; every amount fits a double by far (MAX_TRANSFER_MINUTES). */
export function toAccountRow(raw: RawAccount): AccountRow {
  return {
    id: raw.id,
    ownerType: raw.owner_type,
    ownerId: raw.owner_id,
    communityId: raw.community_id,
    displayName: raw.display_name,
    balanceMinutes: Number(raw.balance),
    heldMinutes: Number(raw.held),
    lifetimeEarnedMinutes: Number(raw.lifetime_earned),
    overdraftLimitMinutes: raw.overdraft_limit === null ? null : Number(raw.overdraft_limit),
  };
}

@Injectable()
export class AccountsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** This repository inside the caller's transaction, when there is one. */
  joining(joined?: EntityManager): AccountsRepository {
    return joined ? new AccountsRepository(joined) : this;
  }

  async findById(id: string): Promise<AccountRow | null> {
    const rows: RawAccount[] = await this.manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounting.accounts WHERE id = $1`,
      [id],
    );
    return rows[0] ? toAccountRow(rows[0]) : null;
  }

  async findByOwner(type: AccountOwnerType, ownerId: string | null): Promise<AccountRow | null> {
    const rows: RawAccount[] =
      type === 'issuance'
        ? await this.manager.query(
            `SELECT ${ACCOUNT_COLUMNS} FROM accounting.accounts WHERE owner_type = 'issuance'`,
          )
        : await this.manager.query(
            `SELECT ${ACCOUNT_COLUMNS} FROM accounting.accounts
              WHERE owner_type = $1 AND owner_id = $2`,
            [type, ownerId],
          );
    return rows[0] ? toAccountRow(rows[0]) : null;
  }

  /** Creates the account unless it exists; safe when several callers race to create it. */
  async insertIfAbsent(account: NewAccount): Promise<AccountRow> {
    await this.manager.query(
      `INSERT INTO accounting.accounts (owner_type, owner_id, community_id, display_name, overdraft_limit)
       VALUES ($1, $2, $3, $4, 0)
       ON CONFLICT (owner_type, owner_id) DO NOTHING`,
      [account.ownerType, account.ownerId, account.communityId, account.displayName],
    );
    const row = await this.findByOwner(account.ownerType, account.ownerId);
    if (!row) throw new Error(`account of ${account.ownerType} ${account.ownerId} vanished`);
    return row;
  }

  /** An owner's announcement: creates its account, or brings its name and community up to date. */
  async upsertFromEvent(account: NewAccount, manager: EntityManager = this.manager): Promise<void> {
    await manager.query(
      `INSERT INTO accounting.accounts (owner_type, owner_id, community_id, display_name, overdraft_limit)
       VALUES ($1, $2, $3, $4, 0)
       ON CONFLICT (owner_type, owner_id) DO UPDATE
         SET display_name = EXCLUDED.display_name,
             community_id = EXCLUDED.community_id,
             updated_at = now()`,
      [account.ownerType, account.ownerId, account.communityId, account.displayName],
    );
  }

  /** Sets the overdraft limit; false when the account already uses more than it allows. */
  async setOverdraftLimit(id: string, limitMinutes: number): Promise<boolean> {
    const result: unknown = await this.manager.query(
      `UPDATE accounting.accounts SET overdraft_limit = $2, updated_at = now()
        WHERE id = $1 AND overdraft_limit IS NOT NULL AND balance - held + $2 >= 0`,
      [id, limitMinutes],
    );
    return affectedRows(result) > 0;
  }
}
