import { CommunityPeriodQuery, ReportSubjects, RewardsReport } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportRepository } from './report.repository';

const DAY_MS = 24 * 3600 * 1000;

/** For the community report (another service asks; no actor rules here). */
@Controller()
export class ReportController {
  constructor(private readonly report: ReportRepository) {}

  /** Whole UTC days from `from` to `to`, both included. */
  @MessagePattern(ReportSubjects.rewards)
  async get(
    @Payload('data') { communityId, from, to }: CommunityPeriodQuery,
  ): Promise<RewardsReport> {
    const start = new Date(`${from}T00:00:00Z`);
    const until = new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS);
    return {
      communityId,
      vouchersRedeemed: await this.report.vouchersRedeemed(communityId, start, until),
    };
  }
}
