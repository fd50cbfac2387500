import { Handles } from '@app/common';
import {
  Actor,
  CreateMerchantDto,
  MerchantView,
  RewardsIdCommand,
  RewardsMessages,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MerchantsService } from './merchants.service';

@Controller()
export class MerchantsController {
  constructor(private readonly merchants: MerchantsService) {}

  @Handles(RewardsMessages.merchantCreate)
  create(dto: CreateMerchantDto, actor: Actor | null): Promise<MerchantView> {
    return this.merchants.create(actor, dto);
  }

  @Handles(RewardsMessages.merchantGet)
  get({ id }: RewardsIdCommand): Promise<MerchantView> {
    return this.merchants.get(id);
  }
}
