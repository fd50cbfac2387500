import {
  Actor,
  CommunityPeriodQuery,
  ReportCommunity,
  ReportSubjects,
  VolunteersGridUnitReport,
  VolunteersReport,
  VolunteersWeeklyReport,
} from '@app/contracts';
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

  @MessagePattern(ReportSubjects.community)
  reportable(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: CommunityPeriodQuery,
  ): Promise<ReportCommunity> {
    return this.reports.reportable(actor, query);
  }

  @MessagePattern(ReportSubjects.volunteersWeekly)
  weekly(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: CommunityPeriodQuery,
  ): Promise<VolunteersWeeklyReport> {
    return this.reports.weekly(actor, query);
  }

  @MessagePattern(ReportSubjects.volunteersGridUnits)
  gridUnits(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: CommunityPeriodQuery,
  ): Promise<VolunteersGridUnitReport> {
    return this.reports.gridUnits(actor, query);
  }
}
