import {
  ReportPeriod,
  RequestCategory,
  RequestsGridUnitReport,
  RequestStatus,
  RequestsWeeklyReport,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export interface RequestFigures {
  requestsPosted: number;
  requestsConfirmed: number;
  medianMinutesToAccept: number | null;
}

/** A request "confirmed" in a report: settled with credit (a dispute resolved with 0 is not). */
const CONFIRMED_WITH_CREDIT = `status = 'confirmed' AND confirmed_minutes > 0`;

@Injectable()
export class ReportsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * A community's requests in [start, until): posted then, confirmed with credit
   * then, and the median time from posting to the first acceptance of those
   * first accepted then.
   */
  async figures({ communityId, start, until }: ReportPeriod): Promise<RequestFigures> {
    const [row] = await this.manager.query<
      Array<{ posted: number; confirmed: number; median: number | null }>
    >(
      `SELECT
         count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)::int AS posted,
         count(*) FILTER (WHERE status = 'confirmed' AND confirmed_minutes > 0
                            AND confirmed_at >= $2 AND confirmed_at < $3)::int AS confirmed,
         percentile_cont(0.5) WITHIN GROUP (
           ORDER BY extract(epoch FROM first_accepted_at - created_at) / 60
         ) FILTER (WHERE first_accepted_at >= $2 AND first_accepted_at < $3)::float8 AS median
       FROM requests.help_requests
      WHERE community_id = $1`,
      [communityId, start, until],
    );
    return {
      requestsPosted: row.posted,
      requestsConfirmed: row.confirmed,
      medianMinutesToAccept: roundedMedian(row.median),
    };
  }

  /**
   * The same figures week by week, each event in the week (from Monday, on the
   * city's clocks in `zone`) it happened in: one row per request and event
   * (posted, confirmed, first accepted), grouped by the event's week. Only the
   * weeks with something in them.
   */
  async figuresByWeek({
    communityId,
    start,
    until,
    zone,
  }: ReportPeriod): Promise<RequestsWeeklyReport['weeks']> {
    const rows = await this.manager.query<
      Array<{ week: string; posted: number; confirmed: number; median: number | null }>
    >(
      `SELECT to_char(date_trunc('week', e.at AT TIME ZONE $4), 'YYYY-MM-DD') AS week,
              count(*) FILTER (WHERE e.kind = 'posted')::int AS posted,
              count(*) FILTER (WHERE e.kind = 'confirmed')::int AS confirmed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY e.wait_minutes)
                FILTER (WHERE e.kind = 'accepted')::float8 AS median
         FROM requests.help_requests r
        CROSS JOIN LATERAL (VALUES
                ('posted', r.created_at, NULL::float8),
                ('confirmed', CASE WHEN ${CONFIRMED_WITH_CREDIT} THEN r.confirmed_at END, NULL),
                ('accepted', r.first_accepted_at,
                 extract(epoch FROM r.first_accepted_at - r.created_at) / 60)
              ) AS e (kind, at, wait_minutes)
        WHERE r.community_id = $1 AND e.at >= $2 AND e.at < $3
          -- Implied by the line above (no event precedes the posting), and cheap to test first:
          -- only the requests with an event in the period are spread into events.
          AND r.created_at < $3 AND greatest(r.created_at, r.first_accepted_at, r.confirmed_at) >= $2
        GROUP BY 1
        ORDER BY 1`,
      [communityId, start, until, zone],
    );
    return rows.map((row) => ({
      weekStart: row.week,
      requestsPosted: row.posted,
      requestsConfirmed: row.confirmed,
      medianMinutesToAccept: roundedMedian(row.median),
    }));
  }

  /** The requests posted in [start, until), by category and status now; pairs with none left out. */
  async countsByCategory({
    communityId,
    start,
    until,
  }: ReportPeriod): Promise<
    Array<{ category: RequestCategory; status: RequestStatus; count: number }>
  > {
    return this.manager.query(
      `SELECT category, status, count(*)::int AS count
         FROM requests.help_requests
        WHERE community_id = $1 AND created_at >= $2 AND created_at < $3
        GROUP BY category, status
        ORDER BY category, status`,
      [communityId, start, until],
    );
  }

  /**
   * By the request's grid unit (null: none), those with something in the period: posted
   * and confirmed with credit in [start, until), and the credited minutes of the
   * requests served then. The day of service is the day the volunteer completed
   * it, else of the confirmation: the day the service record files it under.
   */
  async figuresByGridUnit({
    communityId,
    start,
    until,
  }: ReportPeriod): Promise<RequestsGridUnitReport['gridUnits']> {
    const rows = await this.manager.query<
      Array<{ gridUnitId: string | null; posted: number; confirmed: number; minutes: string }>
    >(
      `SELECT grid_unit_id AS "gridUnitId",
              count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)::int AS posted,
              count(*) FILTER (WHERE ${CONFIRMED_WITH_CREDIT}
                                 AND confirmed_at >= $2 AND confirmed_at < $3)::int AS confirmed,
              coalesce(sum(confirmed_minutes) FILTER (
                WHERE ${CONFIRMED_WITH_CREDIT}
                  AND coalesce(completed_at, confirmed_at) >= $2
                  AND coalesce(completed_at, confirmed_at) < $3), 0) AS minutes
         FROM requests.help_requests
        WHERE community_id = $1
          -- Implied by the filters above (nothing happens to a request before its posting).
          AND created_at < $3 AND greatest(created_at, completed_at, confirmed_at) >= $2
        GROUP BY grid_unit_id`,
      [communityId, start, until],
    );
    return rows.map((row) => ({
      gridUnitId: row.gridUnitId,
      requestsPosted: row.posted,
      requestsConfirmed: row.confirmed,
      minutesServedOnRequests: Number(row.minutes),
    }));
  }
}

/** Whole minutes: the median of an even count may fall between two. */
function roundedMedian(median: number | null): number | null {
  return median === null ? null : Math.round(median);
}
