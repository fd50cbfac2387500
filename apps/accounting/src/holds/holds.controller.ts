import { Handles } from '@app/common';
import {
  AccountingMessages,
  CreateHoldCommand,
  HoldView,
  PostHoldCommand,
  VoidHoldCommand,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { HoldsService } from './holds.service';

@Controller()
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  @Handles(AccountingMessages.holdCreate)
  create(command: CreateHoldCommand): Promise<HoldView> {
    return this.holds.create(command);
  }

  @Handles(AccountingMessages.holdPost)
  post(command: PostHoldCommand): Promise<HoldView> {
    return this.holds.post(command);
  }

  @Handles(AccountingMessages.holdVoid)
  void(command: VoidHoldCommand): Promise<HoldView> {
    return this.holds.void(command);
  }
}
