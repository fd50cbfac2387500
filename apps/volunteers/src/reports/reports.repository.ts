import { GridUnitMembers, VolunteersGridUnitReport, VolunteersWeeklyReport } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

@Injectable()
export class ReportsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Verified service served in the community from–to (inclusive), reversed service left out. */
  async serviceIn(
    communityId: string,
    from: string,
    to: string,
  ): Promise<{ minutesServed: number; activeVolunteers: number }> {
    const [row]: Array<{ minutes: string; volunteers: string }> = await this.manager.query(
      `SELECT coalesce(sum(minutes), 0) AS minutes, count(DISTINCT volunteer_id) AS volunteers
         FROM volunteers.service_entries
        WHERE community_id = $1 AND served_on BETWEEN $2 AND $3 AND reversed_at IS NULL`,
      [communityId, from, to],
    );
    return { minutesServed: Number(row.minutes), activeVolunteers: Number(row.volunteers) };
  }

  /**
   * The same figures week by week (weeks from Monday; served_on is already the
   * city's date), only the weeks with service. Summed by volunteer and week
   * first, so counting volunteers needs no sort of every entry (a year of a busy
   * community spilled one to disk).
   */
  async serviceByWeek(
    communityId: string,
    from: string,
    to: string,
  ): Promise<VolunteersWeeklyReport['weeks']> {
    const rows: Array<{ week: string; minutes: string; volunteers: number }> =
      await this.manager.query(
        `SELECT to_char(week, 'YYYY-MM-DD') AS week,
                sum(minutes) AS minutes, count(*)::int AS volunteers
           FROM (SELECT date_trunc('week', served_on::timestamp) AS week, volunteer_id,
                        sum(minutes) AS minutes
                   FROM volunteers.service_entries
                  WHERE community_id = $1 AND served_on BETWEEN $2 AND $3 AND reversed_at IS NULL
                  GROUP BY 1, 2) AS by_volunteer
          GROUP BY by_volunteer.week
          ORDER BY by_volunteer.week`,
        [communityId, from, to],
      );
    return rows.map((row) => ({
      weekStart: row.week,
      minutesServed: Number(row.minutes),
      activeVolunteers: row.volunteers,
    }));
  }

  /**
   * Every grid unit of the community with the active members living there now,
   * in code order, and (gridUnit null) those who name none.
   */
  async membersByGridUnit(communityId: string): Promise<{
    gridUnits: VolunteersGridUnitReport['gridUnits'];
    withoutGridUnit: GridUnitMembers;
  }> {
    const rows: Array<
      { id: string | null; code: string | null; name: string | null } & GridUnitMembers
    > = await this.manager.query(
      `WITH living AS (
         SELECT grid_unit_id,
                count(*)::int AS members,
                count(*) FILTER (WHERE 'volunteer' = ANY (roles))::int AS volunteers,
                count(*) FILTER (WHERE priority_household)::int AS "priorityHouseholds"
           FROM volunteers.members
          WHERE community_id = $1 AND status = 'active'
            AND roles && ARRAY['resident', 'volunteer']::text[]
          GROUP BY grid_unit_id)
       SELECT g.id, g.code, g.name,
              coalesce(l.members, 0) AS members,
              coalesce(l.volunteers, 0) AS volunteers,
              coalesce(l."priorityHouseholds", 0) AS "priorityHouseholds"
         FROM (SELECT id, code, name FROM volunteers.grid_units WHERE community_id = $1) g
         FULL JOIN living l ON l.grid_unit_id = g.id
        ORDER BY g.code COLLATE "C" NULLS LAST`,
      [communityId],
    );
    const counts = (row: GridUnitMembers): GridUnitMembers => ({
      members: row.members,
      volunteers: row.volunteers,
      priorityHouseholds: row.priorityHouseholds,
    });
    const rest = rows.find((row) => row.id === null);
    return {
      gridUnits: rows
        .filter((row) => row.id !== null)
        .map((row) => ({
          gridUnitId: row.id!,
          code: row.code!,
          name: row.name!,
          ...counts(row),
        })),
      withoutGridUnit: rest ? counts(rest) : { members: 0, volunteers: 0, priorityHouseholds: 0 },
    };
  }
}
