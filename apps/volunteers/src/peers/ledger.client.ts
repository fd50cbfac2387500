import { ServiceClient } from '@app/common';
import { AccountingMessages, CreateHoldCommand, HoldView, VoidHoldCommand } from '@app/contracts';
import { Injectable } from '@nestjs/common';

/** The ledger's commands the volunteers service uses: holding a community fund's minutes for approved hours. */
@Injectable()
export class LedgerClient {
  constructor(private readonly peers: ServiceClient) {}

  /** INSUFFICIENT_CREDITS and IDEMPOTENCY_MISMATCH come back as the ledger gave them. */
  createHold(command: CreateHoldCommand): Promise<HoldView> {
    return this.peers.call(AccountingMessages.holdCreate, command);
  }

  voidHold(command: VoidHoldCommand): Promise<HoldView> {
    return this.peers.call(AccountingMessages.holdVoid, command);
  }
}
