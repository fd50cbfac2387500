import { ServiceClient } from '@app/common';
import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  cityDate,
  CommunityGridUnitReportView,
  CommunityReportExportQueryDto,
  CommunityReportQueryDto,
  CommunityReportView,
  CommunityRequestsReportView,
  CommunityWeeklyReportView,
  Locale,
  MAX_REPORT_PERIOD_DAYS,
  RequestsMessages,
  RewardsMessages,
  VolunteersMessages,
} from '@app/contracts';
import { Access, inParams } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';
import { RequestLocale } from '../http/locale.decorator';
import { IdParam } from '../http/id-param.dto';
import { CommunityReports } from './community-reports';
import { csvStream, exportDisposition } from './report-csv';
import { reportPeriod } from './report-period';
import { ReportPeriod } from './report-views';

const SERIES_PERIOD =
  `The city's whole days from–to (CITY_TIME_ZONE; default the last 30 days), at most ` +
  `${MAX_REPORT_PERIOD_DAYS} days (400 naming from beyond that).`;

@ApiTags('Reports')
@Controller('reports/communities')
export class CommunityReportController {
  constructor(
    private readonly services: ServiceClient,
    private readonly reports: CommunityReports,
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
    const { from, to } = reportPeriod(query, this.today());
    const period = { communityId: id, from, to };
    // Volunteers first: it knows whether the community exists and who may see it.
    const service = await this.services.call(VolunteersMessages.reportGet, period, actor);
    const requests = await this.services.call(RequestsMessages.reportGet, period, actor);
    const rewards = await this.services.call(RewardsMessages.reportGet, period, actor);
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

  @Get(':id/weekly')
  @Access(['admin', 'coordinator'], inParams('id'))
  @ApiOperation({
    summary: "A community's report week by week (weeks from Monday)",
    description:
      `${SERIES_PERIOD} Every week the period touches is there, empty ones with zeros; the ` +
      'first and last count only the days of the period in them (days), so the weeks add up to ' +
      'the report of the same period.',
  })
  @ApiResponse({ status: 200, type: CommunityWeeklyReportView })
  @ApiProblems(400, 404, 503, 504)
  async weekly(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: CommunityReportQueryDto,
  ): Promise<CommunityWeeklyReportView> {
    return (await this.reports.weekly(actor, this.period(id, query))).view;
  }

  @Get(':id/requests')
  @Access(['admin', 'coordinator'], inParams('id'))
  @ApiOperation({
    summary: 'The requests posted in the period, by category and by their status now',
    description: `${SERIES_PERIOD} Category names are in the language of Accept-Language.`,
  })
  @ApiResponse({ status: 200, type: CommunityRequestsReportView })
  @ApiProblems(400, 404, 503, 504)
  async requests(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: CommunityReportQueryDto,
    @RequestLocale() locale: Locale,
  ): Promise<CommunityRequestsReportView> {
    return (await this.reports.requests(actor, this.period(id, query), locale)).view;
  }

  @Get(':id/grid-units')
  @Access(['admin', 'coordinator'], inParams('id'))
  @ApiOperation({
    summary: "A community's figures by grid unit",
    description:
      `${SERIES_PERIOD} Requests count under the request's grid unit (by default its ` +
      "requester's); members under the grid unit they live in now. Logged hours name no grid " +
      'unit, so they are in no row.',
  })
  @ApiResponse({ status: 200, type: CommunityGridUnitReportView })
  @ApiProblems(400, 404, 503, 504)
  async gridUnits(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: CommunityReportQueryDto,
  ): Promise<CommunityGridUnitReportView> {
    return (await this.reports.gridUnits(actor, this.period(id, query))).view;
  }

  @Get(':id/export.csv')
  @Access(['admin', 'coordinator'], inParams('id'))
  @ApiOperation({
    summary: 'One of the report views as CSV, for a spreadsheet',
    description:
      `${SERIES_PERIOD} UTF-8 with a byte order mark (so Excel reads Chinese right), comma ` +
      'separated, CRLF line ends, a header row in the language of Accept-Language, numbers ' +
      "unformatted, empty for null; text starting with = + - @ or a tab or CR gets a leading ' " +
      'so no spreadsheet runs it as a formula. Refusals are problem+json as everywhere.',
  })
  @ApiResponse({
    status: 200,
    description: 'The CSV file',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: {
      'Content-Disposition': {
        required: true,
        description:
          'attachment, with an ASCII filename (report-<community code>-<view>-<from>_<to>.csv) ' +
          "and a UTF-8 filename* (RFC 5987) with the community's name",
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400, 404, 503, 504)
  async export(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() query: CommunityReportExportQueryDto,
    @RequestLocale() locale: Locale,
  ): Promise<StreamableFile> {
    const view = query.view ?? 'weekly';
    const period = this.period(id, query);
    // Every figure is gathered before the first byte is sent: a service that fails is a problem.
    const { community, table } = await this.reports.table(actor, period, view, locale);
    return new StreamableFile(csvStream(table), {
      type: 'text/csv; charset=utf-8',
      disposition: exportDisposition(community, view, period, locale),
    });
  }

  private period(communityId: string, query: CommunityReportQueryDto): ReportPeriod {
    return { communityId, ...reportPeriod(query, this.today(), MAX_REPORT_PERIOD_DAYS) };
  }

  private today(): string {
    return cityDate(new Date(), this.config.CITY_TIME_ZONE);
  }
}
