import { CommunityPeriodQuery, ReportSubjects, RequestsReport } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportService } from './report.service';

/** For the community report (another service asks; no actor rules here). */
@Controller()
export class ReportController {
  constructor(private readonly report: ReportService) {}

  @MessagePattern(ReportSubjects.requests)
  get(@Payload('data') query: CommunityPeriodQuery): Promise<RequestsReport> {
    return this.report.figures(query);
  }
}
