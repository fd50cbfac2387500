import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { SettlementEntity } from './settlements.entity';

@Injectable()
export class SettlementsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** A merchant's settlements, newest first, after `after`. */
  listOfMerchant(
    merchantId: string,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<SettlementEntity[]> {
    const query = this.manager
      .getRepository(SettlementEntity)
      .createQueryBuilder('s')
      .where('s.merchant_id = :merchantId', { merchantId });
    if (after) {
      query.andWhere('(s.created_at, s.id) < (:afterAt, :afterId)', {
        afterAt: after.at,
        afterId: after.id,
      });
    }
    return query.orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC').limit(limit).getMany();
  }

  findById(id: string): Promise<SettlementEntity | null> {
    return this.manager.getRepository(SettlementEntity).findOneBy({ id });
  }

  /** Stores the settlement unless the same one (a retry) was stored first. */
  async insertIfAbsent(settlement: SettlementEntity): Promise<void> {
    await this.manager
      .getRepository(SettlementEntity)
      .createQueryBuilder()
      .insert()
      .values(settlement)
      .orIgnore()
      .execute();
  }
}
