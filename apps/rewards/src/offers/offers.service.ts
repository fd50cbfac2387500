import { DomainError, ErrorCode } from '@app/common';
import { isUUID } from 'class-validator';
import {
  Actor,
  CreateOfferCommand,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  hasRole,
  ListOffersQuery,
  OfferPage,
  OfferView,
  tierFor,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { LedgerClient } from '../peers/ledger.client';
import { RewardsConfig } from '../rewards.config';
import { mayManageMerchant, OfferAction, offerErrors, offerTransition } from './offer-rules';
import { toOfferView } from './offer-views';
import { OfferEntity } from './offers.entity';
import { Claimable, OffersRepository } from './offers.repository';

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'No signed-in member');
  return actor;
}

@Injectable()
export class OffersService {
  constructor(
    private readonly offers: OffersRepository,
    private readonly merchants: MerchantsRepository,
    private readonly ledger: LedgerClient,
    private readonly config: RewardsConfig,
  ) {}

  /** Its staff or a coordinator of its community publish an offer; it waits for approval. */
  async create(
    actor: Actor | null,
    { merchantId, offer: dto }: CreateOfferCommand,
  ): Promise<OfferView> {
    const me = signedIn(actor);
    const merchant = await this.merchants.findById(merchantId);
    if (!merchant) throw DomainError.notFound('Merchant');
    if (!mayManageMerchant(me, merchant)) {
      throw DomainError.forbidden(
        "Only the merchant's staff and coordinators of its community publish its offers",
      );
    }
    const errors = offerErrors(dto, this.config.tiers);
    if (errors.length > 0) throw DomainError.validation(errors);
    const now = new Date();
    const offer = await this.offers.insert({
      id: randomUUID(),
      merchantId: merchant.id,
      communityId: merchant.communityId,
      title: dto.title,
      description: dto.description,
      discount: { kind: dto.discount.kind, value: dto.discount.value },
      creditCostMinutes: dto.creditCostMinutes,
      minTier: dto.minTier,
      validFrom: new Date(dto.validFrom),
      validUntil: new Date(dto.validUntil),
      quantity: dto.quantity,
      perMemberLimit: dto.perMemberLimit,
      status: 'pending_approval',
      createdBy: me.memberId,
      approvedBy: null,
      approvedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return toOfferView(offer, merchant.name, 0);
  }

  approve(actor: Actor | null, id: string): Promise<OfferView> {
    return this.act(actor, id, 'approve');
  }

  pause(actor: Actor | null, id: string): Promise<OfferView> {
    return this.act(actor, id, 'pause');
  }

  resume(actor: Actor | null, id: string): Promise<OfferView> {
    return this.act(actor, id, 'resume');
  }

  /**
   * Active offers for everyone; their own pending and paused ones for staff and
   * coordinators. `eligible=true`: only what the caller may claim now.
   */
  async list(actor: Actor | null, query: ListOffersQuery): Promise<OfferPage> {
    const me = signedIn(actor);
    const after = decodeCursor<{ c: string; i: string }>(query.cursor, ['c', 'i']);
    // A forged id or time must be refused here: PostgreSQL would fail on it.
    if (
      after === null ||
      (after && (Number.isNaN(new Date(after.c).getTime()) || !isUUID(after.i)))
    ) {
      throw DomainError.validation([{ field: 'cursor', message: 'cursor is not a valid cursor' }]);
    }
    let claimable: Claimable | null = null;
    if (query.eligible === 'true') {
      if (!hasRole(me, 'volunteer')) return { items: [], nextCursor: null };
      const account = await this.ledger.account({ type: 'member', id: me.memberId });
      claimable = {
        memberId: me.memberId,
        tierLevel: tierFor(account.lifetimeEarnedMinutes, this.config.tiers).level,
        availableMinutes: account.availableMinutes,
        ownMerchantId: hasRole(me, 'merchant') ? me.merchantId : null,
        now: new Date(),
      };
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.offers.list(
      { communityId: query.communityId, merchantId: query.merchantId },
      {
        admin: hasRole(me, 'admin'),
        merchantId: hasRole(me, 'merchant') ? me.merchantId : null,
        coordinatorOf: hasRole(me, 'coordinator') ? me.coordinatorOf : [],
      },
      claimable,
      after ? { createdAt: new Date(after.c), id: after.i } : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(page),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id })
          : null,
    };
  }

  /** One change of status under the offer's row lock. */
  private async act(actor: Actor | null, id: string, action: OfferAction): Promise<OfferView> {
    const me = signedIn(actor);
    const updated = await this.offers.transaction(async (offers) => {
      const offer = await offers.findByIdForUpdate(id);
      if (!offer) throw DomainError.notFound('Offer');
      const status = offerTransition(offer, action, me);
      const now = new Date();
      return offers.update(id, {
        status,
        updatedAt: now,
        ...(action === 'approve' ? { approvedBy: me.memberId, approvedAt: now } : {}),
      });
    });
    const [view] = await this.views([updated]);
    return view;
  }

  private async views(offers: OfferEntity[]): Promise<OfferView[]> {
    const taken = await this.offers.takenOf(offers.map((o) => o.id));
    const names = await this.merchants.namesOf(offers.map((o) => o.merchantId));
    return offers.map((o) => toOfferView(o, names.get(o.merchantId) ?? '', taken.get(o.id) ?? 0));
  }
}
