import { ServiceClient } from '@app/common';
import { AccountingMessages, CreateHoldCommand, HoldView } from '@app/contracts';
import { Injectable } from '@nestjs/common';

/** The ledger's commands the requests service uses: holding the payer's credits. */
@Injectable()
export class LedgerClient {
  constructor(private readonly peers: ServiceClient) {}

  /** INSUFFICIENT_CREDITS and IDEMPOTENCY_MISMATCH come back as the ledger gave them. */
  createHold(command: CreateHoldCommand): Promise<HoldView> {
    return this.peers.call(AccountingMessages.holdCreate, command);
  }
}
