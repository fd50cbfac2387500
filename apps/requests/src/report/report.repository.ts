import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export interface RequestFigures {
  requestsPosted: number;
  requestsConfirmed: number;
  medianMinutesToAccept: number | null;
}

@Injectable()
export class ReportRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * A community's requests in [from, until): posted then, confirmed with credit
   * then, and the median time from posting to the first acceptance of those
   * first accepted then.
   */
  async figures(communityId: string, from: Date, until: Date): Promise<RequestFigures> {
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
      [communityId, from, until],
    );
    return {
      requestsPosted: row.posted,
      requestsConfirmed: row.confirmed,
      medianMinutesToAccept: row.median === null ? null : Math.round(row.median),
    };
  }
}
