import {
  CommunityPeriodQuery,
  ReportPeriod,
  reportPeriod,
  RequestsCategoryReport,
  RequestsGridUnitReport,
  RequestsReport,
  RequestsWeeklyReport,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { RequestsConfig } from '../requests.config';
import { ReportsRepository } from './reports.repository';

/** The requests' share of a community's reports; the gateway asked the volunteers service who may see them. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly config: RequestsConfig,
  ) {}

  async figures(query: CommunityPeriodQuery): Promise<RequestsReport> {
    return {
      communityId: query.communityId,
      ...(await this.reports.figures(this.period(query))),
    };
  }

  async weekly(query: CommunityPeriodQuery): Promise<RequestsWeeklyReport> {
    return { weeks: await this.reports.figuresByWeek(this.period(query)) };
  }

  async byCategory(query: CommunityPeriodQuery): Promise<RequestsCategoryReport> {
    return { counts: await this.reports.countsByCategory(this.period(query)) };
  }

  async byGridUnit(query: CommunityPeriodQuery): Promise<RequestsGridUnitReport> {
    return { gridUnits: await this.reports.figuresByGridUnit(this.period(query)) };
  }

  private period(query: CommunityPeriodQuery): ReportPeriod {
    return reportPeriod(query, this.config.CITY_TIME_ZONE);
  }
}
