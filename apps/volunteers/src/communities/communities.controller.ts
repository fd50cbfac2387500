import { Handles } from '@app/common';
import { Actor, CommunityView, CreateCommunityDto, VolunteersMessages } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { CommunitiesService } from './communities.service';

@Controller()
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Handles(VolunteersMessages.communityList)
  list(): Promise<CommunityView[]> {
    return this.communities.list();
  }

  @Handles(VolunteersMessages.communityCreate)
  create(dto: CreateCommunityDto, actor: Actor | null): Promise<CommunityView> {
    return this.communities.create(actor, dto);
  }
}
