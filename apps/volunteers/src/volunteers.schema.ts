import { eventTablesMigration, ServiceSchema } from '@app/common';
import { CommunityEntity, GridUnitEntity } from './communities/communities.entity';
import { MemberEntity } from './members/members.entity';
import { CreateSchema1764100000000 } from './migrations/1764100000000-create-schema';
import { VolunteerProfileEntity } from './profiles/profiles.entity';

/** The volunteers service's own PostgreSQL schema: its tables and migrations. */
export const VolunteersSchema: ServiceSchema = {
  schema: 'volunteers',
  entities: [CommunityEntity, GridUnitEntity, MemberEntity, VolunteerProfileEntity],
  migrations: [CreateSchema1764100000000, eventTablesMigration('volunteers', 1764200000000)],
};
