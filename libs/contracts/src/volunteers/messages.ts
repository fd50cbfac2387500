import { HoldOwnerAnswer, HoldOwnerCheckQuery } from '../accounting/ledger.dto';
import { CommunityQueueQuery, VolunteersQueue } from '../queue/queue.dto';
import { VolunteersGridUnitReport } from '../reports/grid-unit-report.dto';
import { CommunityPeriodQuery, ReportCommunity, VolunteersReport } from '../reports/report.dto';
import { VolunteersWeeklyReport } from '../reports/weekly-report.dto';
import { message, reply } from '../message';

/**
 * Every request–reply message the volunteers service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const VolunteersMessages = {
  // what the gateway asks on a member's behalf

  // what other services ask (never exposed over HTTP)

  // asked by the ledger's hold-owner sweeper
  holdOwnerCheck: message(
    'volunteers.hold-owner.check',
    HoldOwnerCheckQuery,
    reply<HoldOwnerAnswer>(),
  ),

  // asked by the gateway for a community's report and queue
  /** Checks the actor may see the community's reports, as each report of this service does. */
  reportCommunityGet: message(
    'volunteers.report-community.get',
    CommunityPeriodQuery,
    reply<ReportCommunity>(),
  ),
  reportGet: message('volunteers.report.get', CommunityPeriodQuery, reply<VolunteersReport>()),
  weeklyReportGet: message(
    'volunteers.weekly-report.get',
    CommunityPeriodQuery,
    reply<VolunteersWeeklyReport>(),
  ),
  gridUnitReportGet: message(
    'volunteers.grid-unit-report.get',
    CommunityPeriodQuery,
    reply<VolunteersGridUnitReport>(),
  ),
  /** Also checks the community exists. */
  communityQueueGet: message(
    'volunteers.community-queue.get',
    CommunityQueueQuery,
    reply<VolunteersQueue>(),
  ),
} as const;
