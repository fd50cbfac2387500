import { OfferStatus } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Brackets, EntityManager } from 'typeorm';
import { takenVouchersSql } from '../vouchers/voucher-stock';
import { OfferEntity } from './offers.entity';

export interface OfferFilter {
  communityId?: string;
  merchantId?: string;
  status?: OfferStatus;
}

/** Who is looking: anyone sees active offers; staff and coordinators also their own others. */
export interface OfferViewer {
  admin: boolean;
  merchantId: string | null;
  coordinatorOf: string[];
}

/** Only what this member may claim now. */
export interface Claimable {
  memberId: string;
  tierLevel: number;
  availableMinutes: number;
  ownMerchantId: string | null;
  now: Date;
}

export interface OfferPosition {
  createdAt: Date;
  id: string;
}

@Injectable()
export class OffersRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  private get offers() {
    return this.manager.getRepository(OfferEntity);
  }

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(work: (offers: OffersRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) => work(new OffersRepository(manager)));
  }

  findById(id: string): Promise<OfferEntity | null> {
    return this.offers.findOneBy({ id });
  }

  /**
   * Reads and locks the offer until the transaction ends (call inside a
   * transaction): its changes, and claims of it, take turns.
   */
  lock(id: string): Promise<OfferEntity | null> {
    return this.offers
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
  }

  async insert(offer: OfferEntity): Promise<OfferEntity> {
    await this.offers.insert(offer);
    return offer;
  }

  async update(
    id: string,
    changes: Partial<Pick<OfferEntity, 'status' | 'approvedBy' | 'approvedAt' | 'updatedAt'>>,
  ): Promise<OfferEntity> {
    await this.offers.update({ id }, changes);
    return this.offers.findOneByOrFail({ id });
  }

  async countPendingApproval(communityId: string): Promise<number> {
    return this.offers.countBy({ communityId, status: 'pending_approval' });
  }

  /** One page, newest first, after `after`; `claimable` keeps what claimIneligibility allows. */
  list(
    filter: OfferFilter,
    viewer: OfferViewer,
    claimable: Claimable | null,
    after: OfferPosition | null,
    limit: number,
  ): Promise<OfferEntity[]> {
    const query = this.offers.createQueryBuilder('o');
    if (filter.communityId) {
      query.andWhere('o.community_id = :communityId', { communityId: filter.communityId });
    }
    if (filter.merchantId) {
      query.andWhere('o.merchant_id = :merchantId', { merchantId: filter.merchantId });
    }
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (!viewer.admin) {
      query.andWhere(
        new Brackets((visible) =>
          visible
            .where(`o.status = 'active'`)
            .orWhere('o.merchant_id = CAST(:viewerMerchant AS uuid)', {
              viewerMerchant: viewer.merchantId,
            })
            .orWhere('o.community_id = ANY(CAST(:viewerCommunities AS uuid[]))', {
              viewerCommunities: viewer.coordinatorOf,
            }),
        ),
      );
    }
    if (claimable) {
      query
        .andWhere(`o.status = 'active'`)
        .andWhere('o.valid_from <= :now AND o.valid_until > :now', { now: claimable.now })
        .andWhere('o.min_tier <= :tier', { tier: claimable.tierLevel })
        .andWhere('o.credit_cost_minutes <= :available', {
          available: claimable.availableMinutes,
        })
        .andWhere(`o.quantity > ${takenVouchersSql('o.id')}`)
        .andWhere(`o.per_member_limit > ${takenVouchersSql('o.id', ':claimant')}`, {
          claimant: claimable.memberId,
        });
      if (claimable.ownMerchantId) {
        query.andWhere('o.merchant_id <> :ownMerchant', { ownMerchant: claimable.ownMerchantId });
      }
    }
    if (after) {
      query.andWhere('(o.created_at, o.id) < (:afterAt, :afterId)', {
        afterAt: after.createdAt,
        afterId: after.id,
      });
    }
    return query.orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').limit(limit).getMany();
  }
}
