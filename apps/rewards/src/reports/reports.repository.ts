import { ReportPeriod, RewardsWeeklyReport } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

@Injectable()
export class ReportsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Vouchers redeemed at a community's merchants in [start, until). */
  async vouchersRedeemed({ communityId, start, until }: ReportPeriod): Promise<number> {
    const [row] = await this.manager.query<Array<{ redeemed: number }>>(
      `SELECT count(*)::int AS redeemed FROM rewards.vouchers
        WHERE community_id = $1 AND status = 'redeemed'
          AND redeemed_at >= $2 AND redeemed_at < $3`,
      [communityId, start, until],
    );
    return row.redeemed;
  }

  /** The same, week by week (from Monday, on the city's clocks in `zone`); only weeks with some. */
  async vouchersRedeemedByWeek({
    communityId,
    start,
    until,
    zone,
  }: ReportPeriod): Promise<RewardsWeeklyReport['weeks']> {
    const rows = await this.manager.query<Array<{ week: string; redeemed: number }>>(
      `SELECT to_char(date_trunc('week', redeemed_at AT TIME ZONE $4), 'YYYY-MM-DD') AS week,
              count(*)::int AS redeemed
         FROM rewards.vouchers
        WHERE community_id = $1 AND status = 'redeemed'
          AND redeemed_at >= $2 AND redeemed_at < $3
        GROUP BY 1
        ORDER BY 1`,
      [communityId, start, until, zone],
    );
    return rows.map((row) => ({ weekStart: row.week, vouchersRedeemed: row.redeemed }));
  }
}
