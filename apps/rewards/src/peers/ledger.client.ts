import { ServiceClient } from '@app/common';
import {
  AccountingMessages,
  AccountOwnerRef,
  AccountView,
  CreateHoldCommand,
  CreateTransferCommand,
  HoldView,
  TransferView,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';

/** The ledger's commands the rewards service uses: holds for vouchers, settlements, balances. */
@Injectable()
export class LedgerClient {
  constructor(private readonly peers: ServiceClient) {}

  account(owner: AccountOwnerRef): Promise<AccountView> {
    return this.peers.call(AccountingMessages.accountGet, { owner });
  }

  /** INSUFFICIENT_CREDITS and IDEMPOTENCY_MISMATCH come back as the ledger gave them. */
  createHold(command: CreateHoldCommand): Promise<HoldView> {
    return this.peers.call(AccountingMessages.holdCreate, command);
  }

  voidHold(holdId: string): Promise<HoldView> {
    return this.peers.call(AccountingMessages.holdVoid, { holdId });
  }

  createTransfer(command: CreateTransferCommand): Promise<TransferView> {
    return this.peers.call(AccountingMessages.transferCreate, command);
  }
}
