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
import { ReportsService } from './reports.service';

/** For the community reports (another service asks; no actor rules here). */
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Handles(RequestsMessages.reportGet)
  get(query: CommunityPeriodQuery): Promise<RequestsReport> {
    return this.reports.figures(query);
  }

  @Handles(RequestsMessages.weeklyReportGet)
  weekly(query: CommunityPeriodQuery): Promise<RequestsWeeklyReport> {
    return this.reports.weekly(query);
  }

  @Handles(RequestsMessages.categoryReportGet)
  byCategory(query: CommunityPeriodQuery): Promise<RequestsCategoryReport> {
    return this.reports.byCategory(query);
  }

  @Handles(RequestsMessages.gridUnitReportGet)
  byGridUnit(query: CommunityPeriodQuery): Promise<RequestsGridUnitReport> {
    return this.reports.byGridUnit(query);
  }
}
