import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { SettlementEntity } from './settlements.entity';

@Injectable()
export class SettlementsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

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
