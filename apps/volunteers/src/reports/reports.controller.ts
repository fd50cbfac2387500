import { Actor, CommunityPeriodQuery, ReportSubjects, VolunteersReport } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(ReportSubjects.volunteers)
  community(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: CommunityPeriodQuery,
  ): Promise<VolunteersReport> {
    return this.reports.community(actor, query);
  }
}
