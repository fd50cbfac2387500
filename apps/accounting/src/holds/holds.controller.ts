import {
  AccountingSubjects,
  CreateHoldCommand,
  HoldView,
  PostHoldCommand,
  VoidHoldCommand,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { HoldsService } from './holds.service';

@Controller()
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  @MessagePattern(AccountingSubjects.holdCreate)
  create(@Payload('data') command: CreateHoldCommand): Promise<HoldView> {
    return this.holds.create(command);
  }

  @MessagePattern(AccountingSubjects.holdPost)
  post(@Payload('data') command: PostHoldCommand): Promise<HoldView> {
    return this.holds.post(command);
  }

  @MessagePattern(AccountingSubjects.holdVoid)
  void(@Payload('data') command: VoidHoldCommand): Promise<HoldView> {
    return this.holds.void(command);
  }
}
