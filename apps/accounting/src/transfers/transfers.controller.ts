import { Handles } from '@app/common';
import {
  AccountingMessages,
  Actor,
  AdjustmentCommand,
  AllocationCommand,
  CreateTransferCommand,
  GiftCommand,
  ReverseCommand,
  TransferView,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { TransfersService } from './transfers.service';

@Controller()
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Handles(AccountingMessages.giftCreate)
  gift(command: GiftCommand, actor: Actor | null): Promise<TransferView> {
    return this.transfers.gift(actor, command);
  }

  @Handles(AccountingMessages.adjustmentCreate)
  adjust(command: AdjustmentCommand, actor: Actor | null): Promise<TransferView> {
    return this.transfers.adjust(actor, command);
  }

  @Handles(AccountingMessages.allocationCreate)
  allocate(command: AllocationCommand, actor: Actor | null): Promise<TransferView> {
    return this.transfers.allocate(actor, command);
  }

  @Handles(AccountingMessages.transferReverse)
  reverse(command: ReverseCommand, actor: Actor | null): Promise<TransferView> {
    return this.transfers.reverse(actor, command);
  }

  @Handles(AccountingMessages.transferCreate)
  create(command: CreateTransferCommand): Promise<TransferView> {
    return this.transfers.create(command);
  }
}
