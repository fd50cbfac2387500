import { ServiceClient } from '@app/common';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  cityDate,
  CommunityReportQueryDto,
  CommunityReportView,
  ReportSubjects,
  RequestsReport,
  RewardsReport,
  VolunteersReport,
} from '@app/contracts';
import { Access, inParams } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';
import { IdParam } from '../identity/id-param.dto';
import { reportPeriod } from './report-period';

@ApiTags('Reports')
@Controller('reports/communities')
export class CommunityReportController {
  constructor(
    private readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get(':id')
  @Access(['admin', 'coordinator'], inParams('id'))
  @ApiOperation({
    summary: "A community's report for the city's whole days from–to (default the last 30 days)",
    description:
      'Gathered from the volunteers, requests and rewards services; when one cannot answer, so does ' +
      'the report (503/504 naming the service) rather than show partial figures.',
  })
  @ApiResponse({ status: 200, type: CommunityReportView })
  @ApiProblems(400, 404, 503, 504)
  async report(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: CommunityReportQueryDto,
  ): Promise<CommunityReportView> {
    const { from, to } = reportPeriod(query, cityDate(new Date(), this.config.CITY_TIME_ZONE));
    const period = { communityId: id, from, to };
    // Volunteers first: it knows whether the community exists and who may see it.
    const service = await this.services.call<VolunteersReport>(
      ReportSubjects.volunteers,
      period,
      actor,
    );
    const requests = await this.services.call<RequestsReport>(
      ReportSubjects.requests,
      period,
      actor,
    );
    const rewards = await this.services.call<RewardsReport>(ReportSubjects.rewards, period, actor);
    return {
      communityId: id,
      from,
      to,
      minutesServed: service.minutesServed,
      requestsPosted: requests.requestsPosted,
      requestsConfirmed: requests.requestsConfirmed,
      medianMinutesToAccept: requests.medianMinutesToAccept,
      activeVolunteers: service.activeVolunteers,
      vouchersRedeemed: rewards.vouchersRedeemed,
    };
  }
}
