import {
  CommunityPeriodQuery,
  ReportSubjects,
  RewardsReport,
  RewardsWeeklyReport,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportsService } from './reports.service';

/** For the community reports (another service asks; no actor rules here). */
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(ReportSubjects.rewards)
  get(@Payload('data') query: CommunityPeriodQuery): Promise<RewardsReport> {
    return this.reports.figures(query);
  }

  @MessagePattern(ReportSubjects.rewardsWeekly)
  weekly(@Payload('data') query: CommunityPeriodQuery): Promise<RewardsWeeklyReport> {
    return this.reports.weekly(query);
  }
}
