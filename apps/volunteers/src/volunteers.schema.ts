import { eventTablesMigration, outboxTraceContextMigration, ServiceSchema } from '@app/common';
import { CommunityEntity, GridUnitEntity } from './communities/communities.entity';
import { HourLogEntity } from './hours/hours.entity';
import { MemberEntity } from './members/members.entity';
import { CreateSchema1764100000000 } from './migrations/1764100000000-create-schema';
import { HoursAndServiceRecords1764300000000 } from './migrations/1764300000000-hours-and-service-records';
import { RefreshTokens1764500000000 } from './migrations/1764500000000-refresh-tokens';
import { MemberRights1764600000000 } from './migrations/1764600000000-member-rights';
import { SignInAttempts1764610000000 } from './migrations/1764610000000-sign-in-attempts';
import { MemberCards1764620000000 } from './migrations/1764620000000-member-cards';
import { Notifications1764950000000 } from './migrations/1764950000000-notifications';
import { VolunteerProfileEntity } from './profiles/profiles.entity';
import { ServiceEntryEntity, ServiceRecordEntity } from './service-records/service-records.entity';

/** The volunteers service's own PostgreSQL schema: its tables and migrations. */
export const VolunteersSchema: ServiceSchema = {
  schema: 'volunteers',
  entities: [
    CommunityEntity,
    GridUnitEntity,
    MemberEntity,
    VolunteerProfileEntity,
    HourLogEntity,
    ServiceRecordEntity,
    ServiceEntryEntity,
  ],
  migrations: [
    CreateSchema1764100000000,
    eventTablesMigration('volunteers', 1764200000000),
    HoursAndServiceRecords1764300000000,
    RefreshTokens1764500000000,
    MemberRights1764600000000,
    SignInAttempts1764610000000,
    MemberCards1764620000000,
    outboxTraceContextMigration('volunteers', 1764800000000),
    Notifications1764950000000,
  ],
};
