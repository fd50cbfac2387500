import { HoldOwnerAnswer, HoldOwnerCheckQuery } from '../accounting/ledger.dto';
import { CommunityQueueQuery, RequestsQueue } from '../queue/queue.dto';
import { RequestsCategoryReport } from '../reports/category-report.dto';
import { RequestsGridUnitReport } from '../reports/grid-unit-report.dto';
import { CommunityPeriodQuery, RequestsReport } from '../reports/report.dto';
import { RequestsWeeklyReport } from '../reports/weekly-report.dto';
import { message, reply } from '../message';
import {
  CreateHelpRequestCommand,
  HelpRequestView,
  ListHelpRequestsQuery,
  HelpRequestPage,
  HelpRequestIdCommand,
  CompleteHelpRequestCommand,
  ConfirmHelpRequestCommand,
  DisputeHelpRequestCommand,
  ResolveHelpRequestCommand,
  VolunteerRatingsQuery,
  VolunteerRatingsView,
} from './requests.dto';

/**
 * Every request–reply message the requests service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const RequestsMessages = {
  // what the gateway asks on a member's behalf
  requestCreate: message(
    'requests.request.create',
    CreateHelpRequestCommand,
    reply<HelpRequestView>(),
  ),
  requestList: message('requests.request.list', ListHelpRequestsQuery, reply<HelpRequestPage>()),
  requestGet: message('requests.request.get', HelpRequestIdCommand, reply<HelpRequestView>()),
  requestAccept: message('requests.request.accept', HelpRequestIdCommand, reply<HelpRequestView>()),
  requestRelease: message(
    'requests.request.release',
    HelpRequestIdCommand,
    reply<HelpRequestView>(),
  ),
  requestComplete: message(
    'requests.request.complete',
    CompleteHelpRequestCommand,
    reply<HelpRequestView>(),
  ),
  requestConfirm: message(
    'requests.request.confirm',
    ConfirmHelpRequestCommand,
    reply<HelpRequestView>(),
  ),
  requestDispute: message(
    'requests.request.dispute',
    DisputeHelpRequestCommand,
    reply<HelpRequestView>(),
  ),
  requestResolve: message(
    'requests.request.resolve',
    ResolveHelpRequestCommand,
    reply<HelpRequestView>(),
  ),
  requestCancel: message('requests.request.cancel', HelpRequestIdCommand, reply<HelpRequestView>()),
  ratingsGet: message('requests.ratings.get', VolunteerRatingsQuery, reply<VolunteerRatingsView>()),

  // what other services ask (never exposed over HTTP)

  // asked by the ledger's hold-owner sweeper
  holdOwnerCheck: message(
    'requests.hold-owner.check',
    HoldOwnerCheckQuery,
    reply<HoldOwnerAnswer>(),
  ),

  // asked by the gateway for a community's report and queue
  reportGet: message('requests.report.get', CommunityPeriodQuery, reply<RequestsReport>()),
  weeklyReportGet: message(
    'requests.weekly-report.get',
    CommunityPeriodQuery,
    reply<RequestsWeeklyReport>(),
  ),
  categoryReportGet: message(
    'requests.category-report.get',
    CommunityPeriodQuery,
    reply<RequestsCategoryReport>(),
  ),
  gridUnitReportGet: message(
    'requests.grid-unit-report.get',
    CommunityPeriodQuery,
    reply<RequestsGridUnitReport>(),
  ),
  communityQueueGet: message(
    'requests.community-queue.get',
    CommunityQueueQuery,
    reply<RequestsQueue>(),
  ),
} as const;
