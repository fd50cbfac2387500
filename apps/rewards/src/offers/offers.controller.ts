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
  RewardsSubjects,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OffersService } from './offers.service';

@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @MessagePattern(RewardsSubjects.offerCreate)
  create(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: CreateOfferCommand,
  ): Promise<OfferView> {
    return this.offers.create(actor, command);
  }

  @Handles(RewardsMessages.communityQueueGet)
  queue(query: CommunityQueueQuery, actor: Actor | null): Promise<RewardsQueue> {
    return this.offers.queue(actor, query);
  }

  @MessagePattern(RewardsSubjects.offerApprove)
  approve(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: RewardsIdCommand,
  ): Promise<OfferView> {
    return this.offers.approve(actor, id);
  }

  @MessagePattern(RewardsSubjects.offerPause)
  pause(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: RewardsIdCommand,
  ): Promise<OfferView> {
    return this.offers.pause(actor, id);
  }

  @MessagePattern(RewardsSubjects.offerResume)
  resume(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: RewardsIdCommand,
  ): Promise<OfferView> {
    return this.offers.resume(actor, id);
  }

  @MessagePattern(RewardsSubjects.offerList)
  list(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: ListOffersQuery,
  ): Promise<OfferPage> {
    return this.offers.list(actor, query);
  }
}
