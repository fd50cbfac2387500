import { Handles } from '@app/common';
import {
  Actor,
  CommunityPeriodQuery,
  ReportCommunity,
  VolunteersGridUnitReport,
  VolunteersReport,
  VolunteersMessages,
  VolunteersWeeklyReport,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Handles(VolunteersMessages.reportGet)
  community(query: CommunityPeriodQuery, actor: Actor | null): Promise<VolunteersReport> {
    return this.reports.community(actor, query);
  }

  @Handles(VolunteersMessages.reportCommunityGet)
  reportable(query: CommunityPeriodQuery, actor: Actor | null): Promise<ReportCommunity> {
    return this.reports.reportable(actor, query);
  }

  @Handles(VolunteersMessages.weeklyReportGet)
  weekly(query: CommunityPeriodQuery, actor: Actor | null): Promise<VolunteersWeeklyReport> {
    return this.reports.weekly(actor, query);
  }

  @Handles(VolunteersMessages.gridUnitReportGet)
  gridUnits(query: CommunityPeriodQuery, actor: Actor | null): Promise<VolunteersGridUnitReport> {
    return this.reports.gridUnits(actor, query);
  }
}
