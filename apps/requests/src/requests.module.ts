import { BackendModule } from '@app/common';
import { Module } from '@nestjs/common';
import { MemberEventsConsumer } from './events/member-events.consumer';
import { MemberNamesRepository } from './members/member-names.repository';
import { MemberNamesService } from './members/member-names.service';
import { LedgerClient } from './peers/ledger.client';
import { VolunteersDirectory } from './peers/volunteers.directory';
import { RatingsController } from './ratings/ratings.controller';
import { RatingsRepository } from './ratings/ratings.repository';
import { RatingsService } from './ratings/ratings.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { RequestExpiry } from './requests/request-expiry';
import { RequestsController } from './requests/requests.controller';
import { RequestsRepository } from './requests/requests.repository';
import { RequestsService } from './requests/requests.service';
import { RequestsConfig } from './requests.config';
import { RequestsSchema } from './requests.schema';

@Module({})
export class RequestsModule extends BackendModule({
  service: 'requests',
  schema: RequestsSchema,
  configClass: RequestsConfig,
  controllers: [RequestsController, RatingsController, ReportsController],
  providers: [
    VolunteersDirectory,
    LedgerClient,
    RequestsRepository,
    RatingsRepository,
    ReportsRepository,
    RequestsService,
    RatingsService,
    ReportsService,
    RequestExpiry,
    MemberNamesRepository,
    MemberNamesService,
    MemberEventsConsumer,
  ],
}) {}
