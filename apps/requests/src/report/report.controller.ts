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
import { ReportService } from './report.service';

/** For the community reports (another service asks; no actor rules here). */
@Controller()
export class ReportController {
  constructor(private readonly report: ReportService) {}

  @MessagePattern(ReportSubjects.requests)
  get(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsReport> {
    return this.report.figures(query);
  }

  @MessagePattern(ReportSubjects.requestsWeekly)
  weekly(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsWeeklyReport> {
    return this.report.weekly(query);
  }

  @MessagePattern(ReportSubjects.requestsByCategory)
  byCategory(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsCategoryReport> {
    return this.report.byCategory(query);
  }

  @MessagePattern(ReportSubjects.requestsGridUnits)
  byGridUnit(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsGridUnitReport> {
    return this.report.byGridUnit(query);
  }
}
