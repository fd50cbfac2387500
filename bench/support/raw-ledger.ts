/**
 * The raw ceiling: the same single transfer the accounting service makes,
 * written straight to its tables (apps/accounting migrations) by one process
 * with no service in between — one transaction that locks the two account
 * rows in id order, checks the payer's available credits, updates both
 * balances (and the payee's lifetime earned for a service credit), inserts the
 * transfer and its two entries. Optionally also the transfer-posted outbox
 * row, into a copy of the outbox table so that the service's relay leaves it be.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';

const S = 'accounting';
export const RAW_OUTBOX = 'bench_raw.outbox';

export interface RawTransferOptions {
  /** Also insert the transfer-posted event into an outbox table, as the service must. */
  outbox: boolean;
}

interface LockedRow {
  id: string;
  balance: string;
  held: string;
  overdraft_limit: string | null;
}

export class RawLedger {
  readonly pool: Pool;

  constructor(databaseUrl: string, max: number) {
    this.pool = new Pool({ connectionString: databaseUrl, max, application_name: 'bench-raw' });
    // An idle connection closed under it (the database dropped on Ctrl-C) is no crash.
    this.pool.on('error', () => undefined);
  }

  /** A copy of the service's outbox table, which its relay does not read. */
  async createOutboxCopy(): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS bench_raw;
      CREATE TABLE IF NOT EXISTS ${RAW_OUTBOX} (LIKE ${S}.outbox INCLUDING DEFAULTS INCLUDING INDEXES)`);
  }

  /**
   * `count` member accounts of the bench's own (owners the service never hears of),
   * each funded with `minutes` from the issuance account by a real transfer and its
   * two entries, so the books still balance.
   */
  async seedAccounts(count: number, minutes: number): Promise<string[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const ids = await client.query<{ id: string }>(
        `INSERT INTO ${S}.accounts (owner_type, owner_id, display_name, balance)
         SELECT 'member', gen_random_uuid(), 'bench raw ' || g, $1 FROM generate_series(1, $2) g
         RETURNING id`,
        [minutes, count],
      );
      const issuance = await client.query<{ id: string; balance: string }>(
        `UPDATE ${S}.accounts SET balance = balance - $1::bigint * $2::bigint, updated_at = now()
          WHERE owner_type = 'issuance' RETURNING id, balance`,
        [minutes, count],
      );
      const issuanceId = issuance.rows[0].id;
      const before = Number(issuance.rows[0].balance) + minutes * count;
      await client.query(
        `WITH a AS (
           SELECT id, row_number() OVER (ORDER BY id) AS n FROM unnest($1::uuid[]) AS id
         ), t AS (
           INSERT INTO ${S}.transfers (id, kind, from_account_id, to_account_id, minutes, memo,
                                       idempotency_key, request_hash)
           SELECT gen_random_uuid(), 'allocation', $2::uuid, a.id, $3::bigint, 'bench raw funding',
                  'bench-raw-fund-' || a.id, 'bench'
             FROM a
           RETURNING id, to_account_id
         )
         INSERT INTO ${S}.entries (transfer_id, account_id, amount, balance_after)
         SELECT t.id, $2::uuid, -$3::bigint, $4::bigint - $3::bigint * a.n FROM t JOIN a ON a.id = t.to_account_id
         UNION ALL
         SELECT t.id, t.to_account_id, $3::bigint, $3::bigint FROM t`,
        [ids.rows.map((r) => r.id), issuanceId, minutes, before],
      );
      await client.query('COMMIT');
      return ids.rows.map((r) => r.id);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** One transfer in one transaction; rejects on insufficient credits (rolled back). */
  async transfer(
    from: string,
    to: string,
    minutes: number,
    options: RawTransferOptions,
  ): Promise<string> {
    const client = await this.pool.connect();
    try {
      return await this.transferOn(client, from, to, minutes, options);
    } finally {
      client.release();
    }
  }

  private async transferOn(
    client: PoolClient,
    from: string,
    to: string,
    minutes: number,
    options: RawTransferOptions,
  ): Promise<string> {
    const move = { from, to, minutes, key: `bench-raw-${randomUUID()}` };
    await client.query('BEGIN');
    try {
      await lockAndCheck(client, move);
      const balances = await moveBalances(client, move);
      const transfer = await recordTransfer(client, move, balances);
      if (options.outbox) await announce(client, move, transfer, balances);
      await client.query('COMMIT');
      return transfer.id;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** One service transfer as the bench writes it, with the idempotency key it carries. */
interface Move {
  from: string;
  to: string;
  minutes: number;
  key: string;
}

interface Balances {
  debited: { balance: string };
  credited: { balance: string; lifetime_earned: string };
}

const KIND = 'service';

/** Locks both balance rows in a fixed order and checks the payer can afford it. */
async function lockAndCheck(client: PoolClient, { from, to, minutes }: Move): Promise<void> {
  const locked = await client.query<LockedRow>(
    `SELECT id, balance, held, overdraft_limit FROM ${S}.accounts
      WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[from, to]],
  );
  const payer = locked.rows.find((r) => r.id === from);
  if (!payer || locked.rows.length !== 2) throw new Error('ACCOUNT_NOT_FOUND');
  if (payer.overdraft_limit !== null) {
    const available = Number(payer.balance) - Number(payer.held) + Number(payer.overdraft_limit);
    if (available < minutes) throw new Error('INSUFFICIENT_CREDITS');
  }
}

async function moveBalances(client: PoolClient, { from, to, minutes }: Move): Promise<Balances> {
  const debited = await client.query<{ balance: string }>(
    `UPDATE ${S}.accounts SET balance = balance - $2, updated_at = now()
      WHERE id = $1 RETURNING balance`,
    [from, minutes],
  );
  const credited = await client.query<{ balance: string; lifetime_earned: string }>(
    `UPDATE ${S}.accounts SET balance = balance + $2, lifetime_earned = lifetime_earned + $2,
            updated_at = now()
      WHERE id = $1 RETURNING balance, lifetime_earned`,
    [to, minutes],
  );
  return { debited: debited.rows[0], credited: credited.rows[0] };
}

/** The transfer row and its two entries. */
async function recordTransfer(
  client: PoolClient,
  { from, to, minutes, key }: Move,
  { debited, credited }: Balances,
): Promise<{ id: string; createdAt: Date }> {
  const hash = createHash('sha256')
    .update(JSON.stringify({ kind: KIND, from, to, minutes }))
    .digest('hex');
  const id = randomUUID();
  const inserted = await client.query<{ created_at: Date }>(
    `INSERT INTO ${S}.transfers (id, kind, from_account_id, to_account_id, minutes, reference,
                                 memo, actor_id, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, NULL, 'bench', NULL, $6, $7) RETURNING created_at`,
    [id, KIND, from, to, minutes, key, hash],
  );
  await client.query(
    `INSERT INTO ${S}.entries (transfer_id, account_id, amount, balance_after)
     VALUES ($1, $2, $3, $4), ($1, $5, $6, $7)`,
    [id, from, -minutes, debited.balance, to, minutes, credited.balance],
  );
  return { id, createdAt: inserted.rows[0].created_at };
}

/** The posted event in the outbox copy, as the service writes it. */
async function announce(
  client: PoolClient,
  { from, to, minutes, key }: Move,
  transfer: { id: string; createdAt: Date },
  { credited }: Balances,
): Promise<void> {
  const event = {
    transferId: transfer.id,
    kind: KIND,
    minutes,
    from: { accountId: from, ownerType: 'member', ownerId: null },
    to: { accountId: to, ownerType: 'member', ownerId: null },
    reference: null,
    memo: 'bench',
    reversesTransferId: null,
    holdId: null,
    at: transfer.createdAt.toISOString(),
    toLifetimeEarnedMinutes: Number(credited.lifetime_earned),
  };
  await client.query(
    `INSERT INTO ${RAW_OUTBOX} (id, subject, payload, request_id) VALUES ($1, $2, $3, $4)`,
    [randomUUID(), 'accounting.transfer.posted', JSON.stringify(event), key],
  );
}

/**
 * History for the read test: `entries` entries (half as many 1-minute service
 * transfers) between two accounts, alternating direction so both balances end
 * where they started; running balances and lifetime earned kept exact, so the
 * books still balance and statements still read right. One statement per table.
 */
export async function seedHistory(
  pool: Pool,
  accountA: string,
  accountB: string,
  entries: number,
): Promise<{ transfers: number; entries: number; ms: number }> {
  const transfers = Math.floor(entries / 2 / 2) * 2; // even, so the balances end unchanged
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ id: string; balance: string }>(
      `SELECT id, balance FROM ${S}.accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[accountA, accountB]],
    );
    const balanceOf = (id: string) => Number(locked.rows.find((r) => r.id === id)?.balance);
    const [a0, b0] = [balanceOf(accountA), balanceOf(accountB)];
    if (a0 < 1) throw new Error('the account read needs at least 1 minute to seed its history');
    // Transfer g (1-based): odd g A -> B, even g B -> A.
    await client.query(
      `CREATE TEMP TABLE bench_seed ON COMMIT DROP AS
         SELECT g, gen_random_uuid() AS id FROM generate_series(1, $1::int) g`,
      [transfers],
    );
    await client.query(
      `INSERT INTO ${S}.transfers (id, kind, from_account_id, to_account_id, minutes, memo,
                                   idempotency_key, request_hash, created_at)
       SELECT id, 'service',
              CASE WHEN g % 2 = 1 THEN $1::uuid ELSE $2::uuid END,
              CASE WHEN g % 2 = 1 THEN $2::uuid ELSE $1::uuid END,
              1, 'bench history', 'bench-history-' || g, 'bench',
              now() - ($3::int - g) * interval '1 millisecond'
         FROM bench_seed ORDER BY g`,
      [accountA, accountB, transfers],
    );
    await client.query(
      `INSERT INTO ${S}.entries (transfer_id, account_id, amount, balance_after)
       SELECT id, acct, amount, bal FROM (
         SELECT g, 0 AS side, id,
                CASE WHEN g % 2 = 1 THEN $1::uuid ELSE $2::uuid END AS acct, -1 AS amount,
                CASE WHEN g % 2 = 1 THEN $3::bigint - 1 ELSE $4::bigint END AS bal
           FROM bench_seed
         UNION ALL
         SELECT g, 1, id,
                CASE WHEN g % 2 = 1 THEN $2::uuid ELSE $1::uuid END, 1,
                CASE WHEN g % 2 = 1 THEN $4::bigint + 1 ELSE $3::bigint END
           FROM bench_seed
       ) x ORDER BY g, side`,
      [accountA, accountB, a0, b0],
    );
    // Each side received half the service credits.
    await client.query(
      `UPDATE ${S}.accounts SET lifetime_earned = lifetime_earned + $2, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [[accountA, accountB], transfers / 2],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await pool.query(`ANALYZE ${S}.transfers; ANALYZE ${S}.entries; ANALYZE ${S}.accounts`);
  return { transfers, entries: transfers * 2, ms: Math.round(performance.now() - started) };
}
