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
}
