import {
  CommunityPeriodQuery,
  ReportSubjects,
  RequestsCategoryReport,
  RequestsGridUnitReport,
  RequestsReport,
  RequestsWeeklyReport,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportsService } from './reports.service';

/** For the community reports (another service asks; no actor rules here). */
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(ReportSubjects.requests)
  get(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsReport> {
    return this.reports.figures(query);
  }

  @MessagePattern(ReportSubjects.requestsWeekly)
  weekly(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsWeeklyReport> {
    return this.reports.weekly(query);
  }

  @MessagePattern(ReportSubjects.requestsByCategory)
  byCategory(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsCategoryReport> {
    return this.reports.byCategory(query);
  }

  @MessagePattern(ReportSubjects.requestsGridUnits)
  byGridUnit(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsGridUnitReport> {
    return this.reports.byGridUnit(query);
  }
}
