import { BackendModule, rightsProviders } from '@app/common';
import { Module } from '@nestjs/common';
import { CommunitiesController } from './communities/communities.controller';
import { CommunitiesRepository } from './communities/communities.repository';
import { CommunitiesService } from './communities/communities.service';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsService } from './credentials/credentials.service';
import { HoursController } from './hours/hours.controller';
import { HoursRepository } from './hours/hours.repository';
import { HoursService } from './hours/hours.service';
import { ActorAuthority } from './members/actor-authority';
import { BootstrapAdmin } from './members/bootstrap-admin';
import { MembersController } from './members/members.controller';
import { MembersRepository } from './members/members.repository';
import { MembersService } from './members/members.service';
import { NotificationsConsumer } from './notifications/notifications.consumer';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';
import { PasswordHasher } from './members/password-hasher';
import { LedgerClient } from './peers/ledger.client';
import { RewardsDirectory } from './peers/rewards.directory';
import { ProfilesController } from './profiles/profiles.controller';
import { ProfilesRepository } from './profiles/profiles.repository';
import { ProfilesService } from './profiles/profiles.service';
import { ReportsController } from './reports/reports.controller';
import { RightsController } from './rights/rights.controller';
import { RightsRepository } from './rights/rights.repository';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { ServiceRecordsController } from './service-records/service-records.controller';
import { ServiceRecordsRepository } from './service-records/service-records.repository';
import { ServiceRecordsService } from './service-records/service-records.service';
import { TransferPostedConsumer } from './events/transfer-posted.consumer';
import { TierSchedule } from './tiers/tier-schedule';
import { TiersController } from './tiers/tiers.controller';
import { SignInAttemptsRepository } from './sign-in-limits/sign-in-attempts.repository';
import { SignInLimitsService } from './sign-in-limits/sign-in-limits.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { VolunteersConfig } from './volunteers.config';
import { VolunteersSchema } from './volunteers.schema';

@Module({})
export class VolunteersModule extends BackendModule({
  service: 'volunteers',
  schema: VolunteersSchema,
  configClass: VolunteersConfig,
  controllers: [
    MembersController,
    CommunitiesController,
    ProfilesController,
    SessionsController,
    HoursController,
    ServiceRecordsController,
    TiersController,
    ReportsController,
    RightsController,
    CredentialsController,
    NotificationsController,
  ],
  providers: [
    LedgerClient,
    RewardsDirectory,
    RightsRepository,
    MembersRepository,
    CommunitiesRepository,
    ProfilesRepository,
    PasswordHasher,
    ActorAuthority,
    MembersService,
    CredentialsService,
    CommunitiesService,
    ProfilesService,
    SessionsRepository,
    SessionsService,
    SignInAttemptsRepository,
    SignInLimitsService,
    BootstrapAdmin,
    HoursRepository,
    HoursService,
    ServiceRecordsRepository,
    ServiceRecordsService,
    TransferPostedConsumer,
    TierSchedule,
    ReportsRepository,
    ReportsService,
    NotificationsRepository,
    NotificationsService,
    NotificationsConsumer,
  ],
  // The volunteers service reads rights from its own tables; the cache spares the query.
  rights: (config) =>
    rightsProviders({
      name: 'volunteers',
      config,
      checkCommands: true,
      lookup: {
        useFactory: (rights: RightsRepository) => (memberId: string) => rights.find(memberId),
        inject: [RightsRepository],
      },
    }),
}) {}
