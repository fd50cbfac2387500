import {
  cityDays,
  CommunityPeriodQuery,
  RequestsCategoryReport,
  RequestsGridUnitReport,
  RequestsReport,
  RequestsWeeklyReport,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { RequestsConfig } from '../requests.config';
import { ReportRepository } from './report.repository';

/** The requests' share of a community's reports; the gateway asked the volunteers service who may see them. */
@Injectable()
export class ReportService {
  constructor(
    private readonly report: ReportRepository,
    private readonly config: RequestsConfig,
  ) {}

  /** The city's whole days from `from` to `to`, both included. */
  async figures(query: CommunityPeriodQuery): Promise<RequestsReport> {
    const { start, until } = this.days(query);
    return {
      communityId: query.communityId,
      ...(await this.report.figures(query.communityId, start, until)),
    };
  }

  async weekly(query: CommunityPeriodQuery): Promise<RequestsWeeklyReport> {
    const { start, until } = this.days(query);
    const zone = this.config.CITY_TIME_ZONE;
    return { weeks: await this.report.figuresByWeek(query.communityId, start, until, zone) };
  }

  async byCategory(query: CommunityPeriodQuery): Promise<RequestsCategoryReport> {
    const { start, until } = this.days(query);
    return { counts: await this.report.countsByCategory(query.communityId, start, until) };
  }

  async byGridUnit(query: CommunityPeriodQuery): Promise<RequestsGridUnitReport> {
    const { start, until } = this.days(query);
    return { gridUnits: await this.report.figuresByGridUnit(query.communityId, start, until) };
  }

  private days({ from, to }: CommunityPeriodQuery): { start: Date; until: Date } {
    return cityDays(from, to, this.config.CITY_TIME_ZONE);
  }
}
