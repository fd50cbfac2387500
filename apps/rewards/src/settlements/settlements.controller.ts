import {
  Actor,
  CreateSettlementCommand,
  MerchantSettlementsQuery,
  RewardsSubjects,
  SettlementPage,
  TransferView,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SettlementsService } from './settlements.service';

@Controller()
export class SettlementsController {
  constructor(private readonly settlements: SettlementsService) {}

  @MessagePattern(RewardsSubjects.settlementCreate)
  settle(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: CreateSettlementCommand,
  ): Promise<TransferView> {
    return this.settlements.settle(actor, command);
  }

  @MessagePattern(RewardsSubjects.settlementList)
  list(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: MerchantSettlementsQuery,
  ): Promise<SettlementPage> {
    return this.settlements.list(actor, query);
  }
}
