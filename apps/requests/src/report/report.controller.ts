import { Handles } from '@app/common';
import {
  CommunityPeriodQuery,
  RequestsCategoryReport,
  RequestsGridUnitReport,
  RequestsMessages,
  RequestsReport,
  RequestsWeeklyReport,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { ReportService } from './report.service';

/** For the community reports (another service asks; no actor rules here). */
@Controller()
export class ReportController {
  constructor(private readonly report: ReportService) {}

  @Handles(RequestsMessages.reportGet)
  get(query: CommunityPeriodQuery): Promise<RequestsReport> {
    return this.report.figures(query);
  }

  @Handles(RequestsMessages.weeklyReportGet)
  weekly(query: CommunityPeriodQuery): Promise<RequestsWeeklyReport> {
    return this.report.weekly(query);
  }

  @Handles(RequestsMessages.categoryReportGet)
  byCategory(query: CommunityPeriodQuery): Promise<RequestsCategoryReport> {
    return this.report.byCategory(query);
  }

  @Handles(RequestsMessages.gridUnitReportGet)
  byGridUnit(query: CommunityPeriodQuery): Promise<RequestsGridUnitReport> {
    return this.report.byGridUnit(query);
  }
}
