import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { VolunteerProfileEntity } from './profiles.entity';

export interface ProfileContent {
  skills: string[];
  availability: string | null;
  bio: string | null;
}

@Injectable()
export class ProfilesRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  find(memberId: string): Promise<VolunteerProfileEntity | null> {
    return this.manager.getRepository(VolunteerProfileEntity).findOneBy({ memberId });
  }

  /** Writes the member's profile whole, creating it the first time. */
  async upsert(memberId: string, content: ProfileContent): Promise<VolunteerProfileEntity> {
    const profiles = this.manager.getRepository(VolunteerProfileEntity);
    await profiles
      .createQueryBuilder()
      .insert()
      .values({ memberId, ...content })
      .orUpdate(['skills', 'availability', 'bio', 'updated_at'], ['member_id'])
      .execute();
    return profiles.findOneByOrFail({ memberId });
  }
}
