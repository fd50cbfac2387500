import { Handles } from '@app/common';
import {
  Actor,
  CreateSettlementCommand,
  MerchantSettlementsQuery,
  RewardsMessages,
  SettlementPage,
  TransferView,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { SettlementsService } from './settlements.service';

@Controller()
export class SettlementsController {
  constructor(private readonly settlements: SettlementsService) {}

  @Handles(RewardsMessages.settlementCreate)
  settle(command: CreateSettlementCommand, actor: Actor | null): Promise<TransferView> {
    return this.settlements.settle(actor, command);
  }

  @Handles(RewardsMessages.settlementList)
  list(query: MerchantSettlementsQuery, actor: Actor | null): Promise<SettlementPage> {
    return this.settlements.list(actor, query);
  }
}
