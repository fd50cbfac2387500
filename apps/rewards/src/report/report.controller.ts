import { Handles } from '@app/common';
import {
  cityDays,
  CommunityPeriodQuery,
  RewardsMessages,
  RewardsReport,
  RewardsWeeklyReport,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { RewardsConfig } from '../rewards.config';
import { ReportRepository } from './report.repository';

/** For the community reports (another service asks; no actor rules here). */
@Controller()
export class ReportController {
  constructor(
    private readonly report: ReportRepository,
    private readonly config: RewardsConfig,
  ) {}

  /** The city's whole days from `from` to `to`, both included. */
  @Handles(RewardsMessages.reportGet)
  async get({ communityId, from, to }: CommunityPeriodQuery): Promise<RewardsReport> {
    const { start, until } = cityDays(from, to, this.config.CITY_TIME_ZONE);
    return {
      communityId,
      vouchersRedeemed: await this.report.vouchersRedeemed(communityId, start, until),
    };
  }

  @Handles(RewardsMessages.weeklyReportGet)
  async weekly({ communityId, from, to }: CommunityPeriodQuery): Promise<RewardsWeeklyReport> {
    const zone = this.config.CITY_TIME_ZONE;
    const { start, until } = cityDays(from, to, zone);
    return {
      weeks: await this.report.vouchersRedeemedByWeek(communityId, start, until, zone),
    };
  }
}
