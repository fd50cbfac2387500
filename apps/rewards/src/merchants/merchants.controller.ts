import {
  Actor,
  CreateMerchantDto,
  MerchantView,
  RewardsIdCommand,
  RewardsInternalSubjects,
  RewardsSubjects,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MerchantsService } from './merchants.service';

@Controller()
export class MerchantsController {
  constructor(private readonly merchants: MerchantsService) {}

  @MessagePattern(RewardsSubjects.merchantCreate)
  create(
    @Payload('actor') actor: Actor | null,
    @Payload('data') dto: CreateMerchantDto,
  ): Promise<MerchantView> {
    return this.merchants.create(actor, dto);
  }

  @MessagePattern(RewardsInternalSubjects.merchantGet)
  get(@Payload('data') { id }: RewardsIdCommand): Promise<MerchantView> {
    return this.merchants.get(id);
  }
}
