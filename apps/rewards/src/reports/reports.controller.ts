import { Handles } from '@app/common';
import {
  CommunityPeriodQuery,
  RewardsMessages,
  RewardsReport,
  RewardsWeeklyReport,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { ReportsService } from './reports.service';

/** For the community reports (another service asks; no actor rules here). */
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Handles(RewardsMessages.reportGet)
  get(query: CommunityPeriodQuery): Promise<RewardsReport> {
    return this.reports.figures(query);
  }

  @Handles(RewardsMessages.weeklyReportGet)
  weekly(query: CommunityPeriodQuery): Promise<RewardsWeeklyReport> {
    return this.reports.weekly(query);
  }
}
