import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The double-entry ledger. Every rule the database can hold is a constraint
 * here; the code checks the same rules first so that a refusal has a clear code.
 */
export class Ledger1764200000000 implements MigrationInterface {
  name = 'Ledger1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.createAccounts(queryRunner);
    await this.createHolds(queryRunner);
    await this.createTransfers(queryRunner);
    await this.createEntries(queryRunner);
  }

  /** Accounts with their balances, and the one issuance account. */
  private async createAccounts(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounting.accounts (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_type       text NOT NULL
          CHECK (owner_type IN ('member', 'merchant', 'community_fund', 'issuance')),
        owner_id         uuid,
        community_id     uuid,
        display_name     text NOT NULL DEFAULT '',
        balance          bigint NOT NULL DEFAULT 0,
        held             bigint NOT NULL DEFAULT 0,
        lifetime_earned  bigint NOT NULL DEFAULT 0,
        -- NULL: no limit (the issuance account only)
        overdraft_limit  bigint DEFAULT 0,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accounts_held_check CHECK (held >= 0),
        CONSTRAINT accounts_lifetime_check CHECK (lifetime_earned >= 0),
        CONSTRAINT accounts_limit_check CHECK (overdraft_limit IS NULL OR overdraft_limit >= 0),
        CONSTRAINT accounts_available_check
          CHECK (overdraft_limit IS NULL OR balance - held + overdraft_limit >= 0),
        CONSTRAINT accounts_owner_check CHECK ((owner_type = 'issuance') = (owner_id IS NULL)),
        CONSTRAINT accounts_unlimited_check
          CHECK ((overdraft_limit IS NULL) = (owner_type = 'issuance'))
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX accounts_owner_key ON accounting.accounts (owner_type, owner_id)',
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX accounts_one_issuance_key ON accounting.accounts ((true))
        WHERE owner_type = 'issuance'`,
    );
    await queryRunner.query(
      `INSERT INTO accounting.accounts (owner_type, owner_id, display_name, overdraft_limit)
       VALUES ('issuance', NULL, 'City issuance', NULL)`,
    );
  }

  /** Holds: credits reserved now, posted or voided later. */
  private async createHolds(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounting.holds (
        id                uuid PRIMARY KEY,
        kind              text NOT NULL,
        from_account_id   uuid NOT NULL REFERENCES accounting.accounts (id),
        to_account_id     uuid REFERENCES accounting.accounts (id),
        minutes           bigint NOT NULL,
        status            text NOT NULL DEFAULT 'open',
        posted_minutes    bigint,
        transfer_id       uuid,
        reference         text,
        memo              text,
        actor_id          uuid,
        idempotency_key   text NOT NULL,
        request_hash      text NOT NULL,
        resolve_key       text,
        resolve_hash      text,
        expires_at        timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        resolved_at       timestamptz,
        CONSTRAINT holds_minutes_check CHECK (minutes > 0),
        CONSTRAINT holds_status_check CHECK (status IN ('open', 'posted', 'voided', 'expired')),
        CONSTRAINT holds_accounts_check CHECK (from_account_id <> to_account_id),
        CONSTRAINT holds_posted_check CHECK (
          (status = 'posted') = (posted_minutes IS NOT NULL)
          AND (posted_minutes IS NULL OR posted_minutes BETWEEN 0 AND minutes)
        ),
        CONSTRAINT holds_resolved_check CHECK ((status = 'open') = (resolved_at IS NULL)),
        CONSTRAINT holds_idempotency_key UNIQUE (idempotency_key),
        CONSTRAINT holds_resolve_key UNIQUE (resolve_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX holds_open_expiry_idx ON accounting.holds (expires_at)
        WHERE status = 'open' AND expires_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX holds_open_account_idx ON accounting.holds (from_account_id) WHERE status = 'open'`,
    );
  }

  /** Transfers, and the holds' link to the transfer that posted each. */
  private async createTransfers(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounting.transfers (
        id                    uuid PRIMARY KEY,
        kind                  text NOT NULL CHECK (kind IN
          ('service', 'gift', 'redemption', 'allocation', 'settlement', 'reversal', 'adjustment')),
        from_account_id       uuid NOT NULL REFERENCES accounting.accounts (id),
        to_account_id         uuid NOT NULL REFERENCES accounting.accounts (id),
        minutes               bigint NOT NULL,
        reference             text,
        memo                  text,
        actor_id              uuid,
        idempotency_key       text NOT NULL,
        request_hash          text NOT NULL,
        reverses_transfer_id  uuid REFERENCES accounting.transfers (id),
        hold_id               uuid REFERENCES accounting.holds (id),
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT transfers_minutes_check CHECK (minutes > 0),
        CONSTRAINT transfers_accounts_check CHECK (from_account_id <> to_account_id),
        CONSTRAINT transfers_reversal_check CHECK ((kind = 'reversal') = (reverses_transfer_id IS NOT NULL)),
        CONSTRAINT transfers_idempotency_key UNIQUE (idempotency_key),
        -- a transfer is reversed at most once
        CONSTRAINT transfers_reverses_key UNIQUE (reverses_transfer_id),
        CONSTRAINT transfers_hold_key UNIQUE (hold_id)
      )`);
    // The daily gift allowance sums today's gifts of one sender.
    await queryRunner.query(
      `CREATE INDEX transfers_gifts_idx ON accounting.transfers (from_account_id, created_at)
        WHERE kind = 'gift'`,
    );
    await queryRunner.query(
      `ALTER TABLE accounting.holds ADD CONSTRAINT holds_transfer_fkey
        FOREIGN KEY (transfer_id) REFERENCES accounting.transfers (id)`,
    );
  }

  /** Entries: each transfer's two sides, with the running balance. */
  private async createEntries(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounting.entries (
        id             bigserial PRIMARY KEY,
        transfer_id    uuid NOT NULL REFERENCES accounting.transfers (id),
        account_id     uuid NOT NULL REFERENCES accounting.accounts (id),
        amount         bigint NOT NULL,
        balance_after  bigint NOT NULL,
        CONSTRAINT entries_amount_check CHECK (amount <> 0),
        CONSTRAINT entries_transfer_account_key UNIQUE (transfer_id, account_id)
      )`);
    // Statements page through one account's entries, newest first.
    await queryRunner.query(
      'CREATE INDEX entries_account_idx ON accounting.entries (account_id, id)',
    );
  }

  async down(): Promise<void> {
    // The ledger is the service's data: never dropped by a migration.
  }
}
