import { Actor, CommunityView, CreateCommunityDto, VolunteersSubjects } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommunitiesService } from './communities.service';

@Controller()
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @MessagePattern(VolunteersSubjects.communityList)
  list(): Promise<CommunityView[]> {
    return this.communities.list();
  }

  @MessagePattern(VolunteersSubjects.communityCreate)
  create(
    @Payload('actor') actor: Actor | null,
    @Payload('data') dto: CreateCommunityDto,
  ): Promise<CommunityView> {
    return this.communities.create(actor, dto);
  }
}
