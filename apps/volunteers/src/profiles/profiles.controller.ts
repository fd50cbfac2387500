import {
  Actor,
  VolunteerProfileDto,
  VolunteerProfileView,
  VolunteersSubjects,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ProfilesService } from './profiles.service';

@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @MessagePattern(VolunteersSubjects.profileUpsert)
  upsert(
    @Payload('actor') actor: Actor | null,
    @Payload('data') dto: VolunteerProfileDto,
  ): Promise<VolunteerProfileView> {
    return this.profiles.upsert(actor, dto);
  }

  @MessagePattern(VolunteersSubjects.profileGet)
  get(@Payload('actor') actor: Actor | null): Promise<VolunteerProfileView> {
    return this.profiles.get(actor);
  }
}
