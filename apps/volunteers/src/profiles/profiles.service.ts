import { DomainError } from '@app/common';
import { Actor, VolunteerProfileDto, VolunteerProfileView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { ActorAuthority } from '../members/actor-authority';
import { nulCharacterErrors } from '../stored-text';
import { VolunteerProfileEntity } from './profiles.entity';
import { ProfilesRepository } from './profiles.repository';

function toProfileView(profile: VolunteerProfileEntity): VolunteerProfileView {
  return {
    memberId: profile.memberId,
    skills: profile.skills,
    availability: profile.availability,
    bio: profile.bio,
    updatedAt: profile.updatedAt.toISOString(),
  };
}

@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly authority: ActorAuthority,
  ) {}

  /** The acting volunteer's own profile, as last saved. */
  async get(actor: Actor | null): Promise<VolunteerProfileView> {
    const current = await this.authority.current(actor);
    if (!current.roles.includes('volunteer')) {
      throw DomainError.forbidden('volunteers.profiles.volunteersOnly');
    }
    const profile = await this.profiles.find(current.memberId);
    if (!profile) throw DomainError.notFound('Volunteer profile');
    return toProfileView(profile);
  }

  /** The acting volunteer's own profile, replaced whole (PUT): what is left out is cleared. */
  async upsert(actor: Actor | null, dto: VolunteerProfileDto): Promise<VolunteerProfileView> {
    const current = await this.authority.current(actor);
    if (!current.roles.includes('volunteer')) {
      throw DomainError.forbidden('volunteers.profiles.volunteersOnly');
    }
    const errors = nulCharacterErrors({
      skills: dto.skills,
      availability: dto.availability,
      bio: dto.bio,
    });
    if (errors.length > 0) throw DomainError.validation(errors);
    const profile = await this.profiles.upsert(current.memberId, {
      skills: dto.skills,
      availability: dto.availability ?? null,
      bio: dto.bio ?? null,
    });
    return toProfileView(profile);
  }
}
