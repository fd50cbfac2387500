import { DomainError } from '@app/common';
import { Actor, hasRole, LedgerCheckView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { requireActor } from '../accounts/accounts.service';
import { LedgerCheckRepository } from './ledger-check.repository';

@Injectable()
export class LedgerCheckService {
  constructor(private readonly ledger: LedgerCheckRepository) {}

  /** Checks every invariant of the ledger against what is stored now (admins). */
  async check(actor: Actor | null): Promise<LedgerCheckView> {
    if (!hasRole(requireActor(actor), 'admin')) {
      throw DomainError.forbidden('credits.ledgerCheckForbidden');
    }
    const { totals, violations } = await this.ledger.check();
    if (totals.totalMinutes !== 0) {
      violations.unshift({
        rule: 'sum_not_zero',
        accountId: null,
        transferId: null,
        detail: `the balances sum to ${totals.totalMinutes}, not 0`,
      });
    }
    return {
      balanced: violations.length === 0,
      totalMinutes: totals.totalMinutes,
      accounts: totals.accounts,
      transfers: totals.transfers,
      violations,
    };
  }
}
