import { LedgerViolationView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/**
 * The ledger's invariants as queries. Each returns the rows that break its
 * rule, as violations; all run in one REPEATABLE READ snapshot.
 */
const RULES: Array<{ rule: string; sql: string }> = [
  {
    rule: 'balance_mismatch',
    sql: `SELECT a.id AS account_id, NULL::uuid AS transfer_id,
                 'balance ' || a.balance || ' but its entries sum to ' || coalesce(s.total, 0) AS detail
            FROM accounting.accounts a
            LEFT JOIN (SELECT account_id, sum(amount) AS total FROM accounting.entries
                        GROUP BY account_id) s ON s.account_id = a.id
           WHERE a.balance <> coalesce(s.total, 0)`,
  },
  {
    rule: 'transfer_entries',
    sql: `SELECT NULL::uuid AS account_id, t.id AS transfer_id,
                 count(e.id) || ' entries summing to ' || coalesce(sum(e.amount), 0)
                   || ' for ' || t.minutes || ' minutes' AS detail
            FROM accounting.transfers t
            LEFT JOIN accounting.entries e ON e.transfer_id = t.id
           GROUP BY t.id
          HAVING count(e.id) <> 2
              OR coalesce(sum(e.amount), 0) <> 0
              OR coalesce(sum(e.amount) FILTER (WHERE e.account_id = t.from_account_id), 0) <> -t.minutes
              OR coalesce(sum(e.amount) FILTER (WHERE e.account_id = t.to_account_id), 0) <> t.minutes`,
  },
  {
    rule: 'held_mismatch',
    sql: `SELECT a.id AS account_id, NULL::uuid AS transfer_id,
                 'held ' || a.held || ' but its open holds sum to ' || coalesce(h.total, 0) AS detail
            FROM accounting.accounts a
            LEFT JOIN (SELECT from_account_id, sum(minutes) AS total FROM accounting.holds
                        WHERE status = 'open' GROUP BY from_account_id) h
              ON h.from_account_id = a.id
           WHERE a.held <> coalesce(h.total, 0)`,
  },
  {
    rule: 'below_limit',
    sql: `SELECT id AS account_id, NULL::uuid AS transfer_id,
                 'balance ' || balance || ', held ' || held || ', limit ' || overdraft_limit AS detail
            FROM accounting.accounts
           WHERE held < 0 OR (overdraft_limit IS NOT NULL AND balance - held + overdraft_limit < 0)`,
  },
  {
    rule: 'lifetime_mismatch',
    sql: `SELECT a.id AS account_id, NULL::uuid AS transfer_id,
                 'lifetime earned ' || a.lifetime_earned || ' but service credits net of reversals sum to '
                   || coalesce(s.total, 0) AS detail
            FROM accounting.accounts a
            LEFT JOIN (
              SELECT account_id, sum(minutes) AS total FROM (
                SELECT to_account_id AS account_id, minutes FROM accounting.transfers
                 WHERE kind = 'service'
                UNION ALL
                SELECT r.from_account_id, -r.minutes FROM accounting.transfers r
                  JOIN accounting.transfers o ON o.id = r.reverses_transfer_id
                 WHERE r.kind = 'reversal' AND o.kind = 'service'
              ) credits GROUP BY account_id) s ON s.account_id = a.id
           WHERE a.lifetime_earned <> coalesce(s.total, 0)`,
  },
  {
    rule: 'running_balance',
    sql: `SELECT a.id AS account_id, NULL::uuid AS transfer_id,
                 'balance ' || a.balance || ' but the last entry says ' || last.balance_after AS detail
            FROM accounting.accounts a
            JOIN LATERAL (SELECT balance_after FROM accounting.entries e
                           WHERE e.account_id = a.id ORDER BY e.id DESC LIMIT 1) last ON true
           WHERE last.balance_after <> a.balance`,
  },
];

export interface LedgerTotals {
  accounts: number;
  transfers: number;
  totalMinutes: number;
}

@Injectable()
export class LedgerCheckRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The sum of all balances: 0 while every transfer moved as much out as in. */
  async totalMinutes(): Promise<number> {
    const [row]: Array<{ total: string | null }> = await this.manager.query(
      'SELECT sum(balance) AS total FROM accounting.accounts',
    );
    return Number(row.total ?? 0);
  }

  check(): Promise<{ totals: LedgerTotals; violations: LedgerViolationView[] }> {
    return this.manager.transaction('REPEATABLE READ', async (manager) => {
      const [totals]: Array<{ accounts: string; total: string | null; transfers: string }> =
        await manager.query(
          `SELECT (SELECT count(*) FROM accounting.accounts) AS accounts,
                  (SELECT sum(balance) FROM accounting.accounts) AS total,
                  (SELECT count(*) FROM accounting.transfers) AS transfers`,
        );
      const violations: LedgerViolationView[] = [];
      for (const { rule, sql } of RULES) {
        const rows: Array<{
          account_id: string | null;
          transfer_id: string | null;
          detail: string;
        }> = await manager.query(`${sql} LIMIT 1000`);
        for (const r of rows) {
          violations.push({
            rule,
            accountId: r.account_id,
            transferId: r.transfer_id,
            detail: r.detail,
          });
        }
      }
      return {
        totals: {
          accounts: Number(totals.accounts),
          transfers: Number(totals.transfers),
          totalMinutes: Number(totals.total ?? 0),
        },
        violations,
      };
    });
  }
}
