import { Handles } from '@app/common';
import {
  Actor,
  CommunityQueueQuery,
  CreateOfferCommand,
  ListOffersQuery,
  OfferPage,
  OfferView,
  RewardsIdCommand,
  RewardsMessages,
  RewardsQueue,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { OffersService } from './offers.service';

@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Handles(RewardsMessages.offerCreate)
  create(command: CreateOfferCommand, actor: Actor | null): Promise<OfferView> {
    return this.offers.create(actor, command);
  }

  @Handles(RewardsMessages.communityQueueGet)
  queue(query: CommunityQueueQuery, actor: Actor | null): Promise<RewardsQueue> {
    return this.offers.queue(actor, query);
  }

  @Handles(RewardsMessages.offerApprove)
  approve({ id }: RewardsIdCommand, actor: Actor | null): Promise<OfferView> {
    return this.offers.approve(actor, id);
  }

  @Handles(RewardsMessages.offerPause)
  pause({ id }: RewardsIdCommand, actor: Actor | null): Promise<OfferView> {
    return this.offers.pause(actor, id);
  }

  @Handles(RewardsMessages.offerResume)
  resume({ id }: RewardsIdCommand, actor: Actor | null): Promise<OfferView> {
    return this.offers.resume(actor, id);
  }

  @Handles(RewardsMessages.offerList)
  list(query: ListOffersQuery, actor: Actor | null): Promise<OfferPage> {
    return this.offers.list(actor, query);
  }
}
