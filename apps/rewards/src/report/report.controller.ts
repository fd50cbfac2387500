import { cityDays, CommunityPeriodQuery, ReportSubjects, RewardsReport } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RewardsConfig } from '../rewards.config';
import { ReportRepository } from './report.repository';

/** For the community report (another service asks; no actor rules here). */
@Controller()
export class ReportController {
  constructor(
    private readonly report: ReportRepository,
    private readonly config: RewardsConfig,
  ) {}

  /** The city's whole days from `from` to `to`, both included. */
  @MessagePattern(ReportSubjects.rewards)
  async get(
    @Payload('data') { communityId, from, to }: CommunityPeriodQuery,
  ): Promise<RewardsReport> {
    const { start, until } = cityDays(from, to, this.config.CITY_TIME_ZONE);
    return {
      communityId,
      vouchersRedeemed: await this.report.vouchersRedeemed(communityId, start, until),
    };
  }
}
