import { ServiceClient } from '@app/common';
import {
  Actor,
  CommunityGridUnitReportView,
  CommunityRequestsReportView,
  CommunityWeeklyReportView,
  Locale,
  ReportCommunity,
  ReportExportView,
  ReportSubjects,
  RequestsCategoryReport,
  RequestsGridUnitReport,
  RequestsWeeklyReport,
  RewardsWeeklyReport,
  VolunteersGridUnitReport,
  VolunteersWeeklyReport,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { CsvTable, gridUnitsTable, requestsTable, weeklyTable } from './report-csv';
import { gridUnitsView, ReportPeriod, requestsView, weeklyView } from './report-views';

/**
 * The series and breakdowns of a community's report, gathered from the services
 * that own each figure. The volunteers service answers first: it knows whether
 * the community exists and who may see it; the others are then asked together.
 * When one cannot answer, neither does the report (503/504 naming it).
 */
@Injectable()
export class CommunityReports {
  constructor(private readonly services: ServiceClient) {}

  async weekly(
    actor: Actor,
    period: ReportPeriod,
  ): Promise<{ community: ReportCommunity; view: CommunityWeeklyReportView }> {
    const service = await this.services.call<VolunteersWeeklyReport>(
      ReportSubjects.volunteersWeekly,
      period,
      actor,
    );
    const [requests, rewards] = await Promise.all([
      this.services.call<RequestsWeeklyReport>(ReportSubjects.requestsWeekly, period, actor),
      this.services.call<RewardsWeeklyReport>(ReportSubjects.rewardsWeekly, period, actor),
    ]);
    return { community: service.community, view: weeklyView(period, service, requests, rewards) };
  }

  async requests(
    actor: Actor,
    period: ReportPeriod,
    locale: Locale,
  ): Promise<{ community: ReportCommunity; view: CommunityRequestsReportView }> {
    const community = await this.services.call<ReportCommunity>(
      ReportSubjects.community,
      period,
      actor,
    );
    const counts = await this.services.call<RequestsCategoryReport>(
      ReportSubjects.requestsByCategory,
      period,
      actor,
    );
    return { community, view: requestsView(period, counts, locale) };
  }

  async gridUnits(
    actor: Actor,
    period: ReportPeriod,
  ): Promise<{ community: ReportCommunity; view: CommunityGridUnitReportView }> {
    const members = await this.services.call<VolunteersGridUnitReport>(
      ReportSubjects.volunteersGridUnits,
      period,
      actor,
    );
    const requests = await this.services.call<RequestsGridUnitReport>(
      ReportSubjects.requestsGridUnits,
      period,
      actor,
    );
    return { community: members.community, view: gridUnitsView(period, members, requests) };
  }

  /** One of the views above as a table to export. */
  async table(
    actor: Actor,
    period: ReportPeriod,
    view: ReportExportView,
    locale: Locale,
  ): Promise<{ community: ReportCommunity; table: CsvTable }> {
    switch (view) {
      case 'weekly': {
        const report = await this.weekly(actor, period);
        return { community: report.community, table: weeklyTable(report.view, locale) };
      }
      case 'grid-units': {
        const report = await this.gridUnits(actor, period);
        return { community: report.community, table: gridUnitsTable(report.view, locale) };
      }
      case 'requests': {
        const report = await this.requests(actor, period, locale);
        return { community: report.community, table: requestsTable(report.view, locale) };
      }
    }
  }
}
