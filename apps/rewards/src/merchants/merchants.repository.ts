import { Outbox } from '@app/common';
import { MerchantCreatedEvent, RewardsEvents } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { MerchantEntity } from './merchants.entity';

@Injectable()
export class MerchantsRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  findById(id: string): Promise<MerchantEntity | null> {
    return this.manager.getRepository(MerchantEntity).findOneBy({ id });
  }

  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.manager
      .getRepository(MerchantEntity)
      .createQueryBuilder('m')
      .where('m.id = ANY(:ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(rows.map((m) => [m.id, m.name]));
  }

  /** Stores the merchant and announces it in one transaction (the ledger opens its account). */
  async insert(merchant: MerchantEntity): Promise<MerchantEntity> {
    await this.manager.transaction(async (manager) => {
      await manager.getRepository(MerchantEntity).insert(merchant);
      const event: MerchantCreatedEvent = {
        merchantId: merchant.id,
        name: merchant.name,
        communityId: merchant.communityId,
      };
      await this.outbox.add(manager, RewardsEvents.merchantCreated, event);
    });
    return merchant;
  }
}
