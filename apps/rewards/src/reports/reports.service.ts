import {
  CommunityPeriodQuery,
  ReportPeriod,
  reportPeriod,
  RewardsReport,
  RewardsWeeklyReport,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { RewardsConfig } from '../rewards.config';
import { ReportsRepository } from './reports.repository';

/** The rewards' share of a community's reports; the gateway asked the volunteers service who may see them. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly config: RewardsConfig,
  ) {}

  async figures(query: CommunityPeriodQuery): Promise<RewardsReport> {
    const vouchersRedeemed = await this.reports.vouchersRedeemed(this.period(query));
    return { communityId: query.communityId, vouchersRedeemed };
  }

  async weekly(query: CommunityPeriodQuery): Promise<RewardsWeeklyReport> {
    return { weeks: await this.reports.vouchersRedeemedByWeek(this.period(query)) };
  }

  private period(query: CommunityPeriodQuery): ReportPeriod {
    return reportPeriod(query, this.config.CITY_TIME_ZONE);
  }
}
