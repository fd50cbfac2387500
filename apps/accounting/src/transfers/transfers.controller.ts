import {
  AccountingSubjects,
  Actor,
  AdjustmentCommand,
  AllocationCommand,
  CreateTransferCommand,
  GiftCommand,
  ReverseCommand,
  TransferView,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TransfersService } from './transfers.service';

@Controller()
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @MessagePattern(AccountingSubjects.giftCreate)
  gift(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: GiftCommand,
  ): Promise<TransferView> {
    return this.transfers.gift(actor, command);
  }

  @MessagePattern(AccountingSubjects.adjustmentCreate)
  adjust(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: AdjustmentCommand,
  ): Promise<TransferView> {
    return this.transfers.adjust(actor, command);
  }

  @MessagePattern(AccountingSubjects.allocationCreate)
  allocate(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: AllocationCommand,
  ): Promise<TransferView> {
    return this.transfers.allocate(actor, command);
  }

  @MessagePattern(AccountingSubjects.transferReverse)
  reverse(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: ReverseCommand,
  ): Promise<TransferView> {
    return this.transfers.reverse(actor, command);
  }

  @MessagePattern(AccountingSubjects.transferCreate)
  create(@Payload('data') command: CreateTransferCommand): Promise<TransferView> {
    return this.transfers.create(command);
  }
}
