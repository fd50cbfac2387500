import { ledgerImbalance } from '@app/common';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LedgerCheckRepository } from './ledger-check.repository';

/**
 * The ledger's balance on every scrape, so an alert can see money made or lost
 * within minutes rather than at the next manual check. Only the cheap rule (the
 * balances sum to zero); GET /api/v1/ledger/check runs them all.
 */
@Injectable()
export class LedgerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopReporting?: () => void;

  constructor(private readonly ledger: LedgerCheckRepository) {}

  onApplicationBootstrap(): void {
    this.stopReporting = ledgerImbalance.addSource(async () => [
      { value: await this.ledger.totalMinutes() },
    ]);
  }

  onApplicationShutdown(): void {
    this.stopReporting?.();
  }
}
