import { Handles } from '@app/common';
import {
  Actor,
  NoPayload,
  VolunteerProfileDto,
  VolunteerProfileView,
  VolunteersMessages,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { ProfilesService } from './profiles.service';

@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Handles(VolunteersMessages.profileUpsert)
  upsert(dto: VolunteerProfileDto, actor: Actor | null): Promise<VolunteerProfileView> {
    return this.profiles.upsert(actor, dto);
  }

  @Handles(VolunteersMessages.profileGet)
  get(_: NoPayload, actor: Actor | null): Promise<VolunteerProfileView> {
    return this.profiles.get(actor);
  }
}
