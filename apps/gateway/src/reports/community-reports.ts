import { ServiceClient } from '@app/common';
import {
  Actor,
  CommunityGridUnitReportView,
  CommunityRequestsReportView,
  CommunityWeeklyReportView,
  Locale,
  ReportCommunity,
  ReportExportView,
  RequestsMessages,
  RewardsMessages,
  VolunteersMessages,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { CsvTable, gridUnitsTable, requestsTable, weeklyTable } from './report-csv';
import { gridUnitsView, ReportPeriod, requestsView, weeklyView } from './report-views';

/**
 * The series and breakdowns of a community's report, gathered from the services
 * that own each figure, all asked at once. The volunteers service alone knows
 * whether the community exists and who may see its reports: its refusal (403,
 * 404) is the answer whatever the others said. When a service cannot answer,
 * neither does the report (503/504 naming it) rather than show partial figures.
 */
@Injectable()
export class CommunityReports {
  constructor(private readonly services: ServiceClient) {}

  async weekly(
    actor: Actor,
    period: ReportPeriod,
  ): Promise<{ community: ReportCommunity; view: CommunityWeeklyReportView }> {
    const [service, requests, rewards] = await answers([
      this.services.call(VolunteersMessages.weeklyReportGet, period, actor),
      this.services.call(RequestsMessages.weeklyReportGet, period, actor),
      this.services.call(RewardsMessages.weeklyReportGet, period, actor),
    ] as const);
    return { community: service.community, view: weeklyView(period, service, requests, rewards) };
  }

  async requests(
    actor: Actor,
    period: ReportPeriod,
    locale: Locale,
  ): Promise<{ community: ReportCommunity; view: CommunityRequestsReportView }> {
    const [community, counts] = await answers([
      this.services.call(VolunteersMessages.reportCommunityGet, period, actor),
      this.services.call(RequestsMessages.categoryReportGet, period, actor),
    ] as const);
    return { community, view: requestsView(period, counts, locale) };
  }

  async gridUnits(
    actor: Actor,
    period: ReportPeriod,
  ): Promise<{ community: ReportCommunity; view: CommunityGridUnitReportView }> {
    const [members, requests] = await answers([
      this.services.call(VolunteersMessages.gridUnitReportGet, period, actor),
      this.services.call(RequestsMessages.gridUnitReportGet, period, actor),
    ] as const);
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

/**
 * Every call's answer once all have settled, or the first failure in the order
 * given (the volunteers service's first): never a refusal that depends on which
 * service happened to answer sooner.
 */
async function answers<T extends readonly unknown[]>(calls: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(calls);
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
  }
  return settled.map(
    (outcome) => (outcome as PromiseFulfilledResult<unknown>).value,
  ) as unknown as T;
}
