import {
  categoryName,
  CommunityGridUnitReportView,
  CommunityRequestsReportView,
  CommunityWeeklyReportView,
  GridUnitFiguresView,
  GridUnitRequests,
  Locale,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  RequestsCategoryReport,
  RequestsGridUnitReport,
  RequestStatusCountsView,
  RequestsWeeklyReport,
  reportWeeks,
  RewardsWeeklyReport,
  VolunteersGridUnitReport,
  VolunteersWeeklyReport,
} from '@app/contracts';

/** A community and the whole days a report covers. */
export interface ReportPeriod {
  communityId: string;
  from: string;
  to: string;
}

/** Every week of the period, each service's figures laid over it, zeros where one has none. */
export function weeklyView(
  period: ReportPeriod,
  volunteers: VolunteersWeeklyReport,
  requests: RequestsWeeklyReport,
  rewards: RewardsWeeklyReport,
): CommunityWeeklyReportView {
  const service = byWeek(volunteers.weeks);
  const asked = byWeek(requests.weeks);
  const redeemed = byWeek(rewards.weeks);
  return {
    ...period,
    weeks: reportWeeks(period.from, period.to).map(({ weekStart, days }) => ({
      weekStart,
      days,
      minutesServed: service.get(weekStart)?.minutesServed ?? 0,
      requestsPosted: asked.get(weekStart)?.requestsPosted ?? 0,
      requestsConfirmed: asked.get(weekStart)?.requestsConfirmed ?? 0,
      medianMinutesToAccept: asked.get(weekStart)?.medianMinutesToAccept ?? null,
      activeVolunteers: service.get(weekStart)?.activeVolunteers ?? 0,
      vouchersRedeemed: redeemed.get(weekStart)?.vouchersRedeemed ?? 0,
    })),
  };
}

function byWeek<T extends { weekStart: string }>(weeks: T[]): Map<string, T> {
  return new Map(weeks.map((week) => [week.weekStart, week]));
}

/** Every category in the contract's order, named in `locale`, with every status counted. */
export function requestsView(
  period: ReportPeriod,
  report: RequestsCategoryReport,
  locale: Locale,
): CommunityRequestsReportView {
  const categories = REQUEST_CATEGORIES.map((category) => {
    const byStatus = Object.fromEntries(
      REQUEST_STATUSES.map((status) => [status, 0]),
    ) as unknown as RequestStatusCountsView;
    for (const row of report.counts.filter((count) => count.category === category)) {
      byStatus[row.status] += row.count;
    }
    const requestsPosted = REQUEST_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
    return { category, name: categoryName(category, locale), requestsPosted, byStatus };
  });
  return {
    ...period,
    requestsPosted: categories.reduce((sum, category) => sum + category.requestsPosted, 0),
    categories,
  };
}

const NO_REQUESTS: GridUnitRequests = {
  requestsPosted: 0,
  requestsConfirmed: 0,
  minutesServedOnRequests: 0,
};

/**
 * Every grid unit of the community with its members (volunteers service) and
 * its requests (requests service); requests naming no grid unit of the
 * community's go to `withoutGridUnit`, so each column adds up.
 */
export function gridUnitsView(
  period: ReportPeriod,
  volunteers: VolunteersGridUnitReport,
  requests: RequestsGridUnitReport,
): CommunityGridUnitReportView {
  const known = new Set(volunteers.gridUnits.map((unit) => unit.gridUnitId));
  const figures = new Map<string, GridUnitRequests>();
  let rest: GridUnitRequests = NO_REQUESTS;
  for (const { gridUnitId, ...counts } of requests.gridUnits) {
    if (gridUnitId !== null && known.has(gridUnitId)) figures.set(gridUnitId, counts);
    else rest = addRequests(rest, counts);
  }
  return {
    ...period,
    gridUnits: volunteers.gridUnits.map((unit) => ({
      gridUnitId: unit.gridUnitId,
      code: unit.code,
      name: unit.name,
      members: unit.members,
      volunteers: unit.volunteers,
      priorityHouseholds: unit.priorityHouseholds,
      ...(figures.get(unit.gridUnitId) ?? NO_REQUESTS),
    })),
    withoutGridUnit: { ...volunteers.withoutGridUnit, ...rest } satisfies GridUnitFiguresView,
  };
}

function addRequests(a: GridUnitRequests, b: GridUnitRequests): GridUnitRequests {
  return {
    requestsPosted: a.requestsPosted + b.requestsPosted,
    requestsConfirmed: a.requestsConfirmed + b.requestsConfirmed,
    minutesServedOnRequests: a.minutesServedOnRequests + b.minutesServedOnRequests,
  };
}
