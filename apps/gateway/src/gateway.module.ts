import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { remoteRightsLookup, rightsProviders, ServiceClient } from '@app/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiIndexController } from './api-index/api-index.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { CommunityQueueController } from './console/community-queue.controller';
import { authThrottling } from './auth/auth-throttling';
import { jwtOptions } from './auth/jwt-options';
import { TokenService } from './auth/token.service';
import { GATEWAY_CONFIG } from './config/config.token';
import { GatewayConfig } from './config/gateway-config';
import { AccountsController } from './accounting/accounts.controller';
import { FundsController } from './accounting/funds.controller';
import { LedgerController } from './accounting/ledger.controller';
import { MemberCreditsController } from './accounting/member-credits.controller';
import { TransfersController } from './accounting/transfers.controller';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { CommunitiesController } from './volunteers/communities.controller';
import { MeController } from './volunteers/me.controller';
import { MembersController } from './volunteers/members.controller';
import { CommunityReportController } from './reports/community-report.controller';
import { CommunityReports } from './reports/community-reports';
import { RequestsController } from './requests/requests.controller';
import { VolunteerRatingsController } from './requests/volunteer-ratings.controller';
import { MerchantsController } from './rewards/merchants.controller';
import { OffersController } from './rewards/offers.controller';
import { VouchersController } from './rewards/vouchers.controller';
import { ActivitiesController } from './volunteers/activities.controller';
import { HoursController } from './volunteers/hours.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationStreams } from './notifications/notification-streams';
import { StreamTickets } from './notifications/stream-tickets';
import { ServiceRecordsController } from './volunteers/service-records.controller';
import { TransportModule } from './transport/transport.module';

/** Every controller of the gateway: its routes, and the routes the API document describes. */
export const GATEWAY_CONTROLLERS = [
  ApiIndexController,
  HealthController,
  AuthController,
  MeController,
  MembersController,
  CommunitiesController,
  AccountsController,
  TransfersController,
  MemberCreditsController,
  FundsController,
  LedgerController,
  HoursController,
  ActivitiesController,
  ServiceRecordsController,
  CommunityReportController,
  CommunityQueueController,
  RequestsController,
  VolunteerRatingsController,
  MerchantsController,
  OffersController,
  VouchersController,
  NotificationsController,
];

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        TransportModule,
        JwtModule.register(jwtOptions(config.JWT_SECRET)),
        ThrottlerModule.forRoot(authThrottling(config)),
      ],
      controllers: [...GATEWAY_CONTROLLERS],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        TokenService,
        StreamTickets,
        NotificationStreams,
        CommunityReports,
        // The gateway checks rights in its guard; the backends check every command again.
        ...rightsProviders({
          name: 'gateway',
          config,
          checkCommands: false,
          lookup: { useFactory: remoteRightsLookup, inject: [ServiceClient] },
        }),
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [GATEWAY_CONFIG],
    };
  }
}
