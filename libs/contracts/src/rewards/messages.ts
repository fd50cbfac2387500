import { HoldOwnerAnswer, HoldOwnerCheckQuery } from '../accounting/ledger.dto';
import { CommunityQueueQuery, RewardsQueue } from '../queue/queue.dto';
import { CommunityPeriodQuery } from '../reports/report.dto';
import { RewardsWeeklyReport } from '../reports/weekly-report.dto';
import { RewardsReport } from './rewards.dto';
import { message, reply } from '../message';

/**
 * Every request–reply message the rewards service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const RewardsMessages = {
  // what the gateway asks on a member's behalf

  // what other services ask (never exposed over HTTP)

  // asked by the ledger's hold-owner sweeper
  holdOwnerCheck: message(
    'rewards.hold-owner.check',
    HoldOwnerCheckQuery,
    reply<HoldOwnerAnswer>(),
  ),

  // asked by the gateway for a community's report and queue
  reportGet: message('rewards.report.get', CommunityPeriodQuery, reply<RewardsReport>()),
  weeklyReportGet: message(
    'rewards.weekly-report.get',
    CommunityPeriodQuery,
    reply<RewardsWeeklyReport>(),
  ),
  communityQueueGet: message(
    'rewards.community-queue.get',
    CommunityQueueQuery,
    reply<RewardsQueue>(),
  ),
} as const;
