import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

@Injectable()
export class ReportRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Vouchers redeemed at a community's merchants in [from, until). */
  async vouchersRedeemed(communityId: string, from: Date, until: Date): Promise<number> {
    const [row] = await this.manager.query<Array<{ redeemed: number }>>(
      `SELECT count(*)::int AS redeemed FROM rewards.vouchers
        WHERE community_id = $1 AND status = 'redeemed'
          AND redeemed_at >= $2 AND redeemed_at < $3`,
      [communityId, from, until],
    );
    return row.redeemed;
  }
}
