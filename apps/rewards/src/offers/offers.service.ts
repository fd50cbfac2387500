import { DomainError, fieldError, ErrorCode } from '@app/common';
import { isUUID } from 'class-validator';
import {
  Actor,
  canCoordinate,
  CommunityQueueQuery,
  CreateOfferCommand,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  hasRole,
  ListOffersQuery,
  OfferPage,
  OfferView,
  RewardsQueue,
  tierFor,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { LedgerClient } from '../peers/ledger.client';
import { RewardsConfig } from '../rewards.config';
import { VouchersRepository } from '../vouchers/vouchers.repository';
import {
  claimIneligibility,
  mayManageMerchant,
  OfferAction,
  offerErrors,
  offerTransition,
} from './offer-rules';
import { toOfferView } from './offer-views';
import { OfferEntity } from './offers.entity';
import { Claimable, OffersRepository } from './offers.repository';

interface Claimant {
  tierLevel: number;
  availableMinutes: number;
}

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
  return actor;
}

@Injectable()
export class OffersService {
  constructor(
    private readonly offers: OffersRepository,
    private readonly vouchers: VouchersRepository,
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
      throw DomainError.forbidden('rewards.offer.publishForbidden');
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
    const [view] = await this.views(me, [offer]);
    return view;
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
   * coordinators. Each says whether the caller may claim it now, and if not why;
   * `eligible=true` keeps only those (the same rules, as SQL).
   */
  async list(actor: Actor | null, query: ListOffersQuery): Promise<OfferPage> {
    const me = signedIn(actor);
    const after = decodeCursor<{ c: string; i: string }>(query.cursor, ['c', 'i']);
    // A forged id or time must be refused here: PostgreSQL would fail on it.
    if (
      after === null ||
      (after && (Number.isNaN(new Date(after.c).getTime()) || !isUUID(after.i)))
    ) {
      throw DomainError.validation([fieldError('cursor', 'field.badCursor')]);
    }
    const claimant = await this.claimant(me);
    const claimable: Claimable | null =
      query.eligible === 'true'
        ? {
            memberId: me.memberId,
            tierLevel: claimant.tierLevel,
            availableMinutes: claimant.availableMinutes,
            ownMerchantId: hasRole(me, 'merchant') ? me.merchantId : null,
            now: new Date(),
          }
        : null;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.offers.list(
      { communityId: query.communityId, merchantId: query.merchantId, status: query.status },
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
      items: await this.views(me, page, claimant),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id })
          : null,
    };
  }

  /** The rewards share of a community's queue: offers of its merchants waiting for approval. */
  async queue(actor: Actor | null, { communityId }: CommunityQueueQuery): Promise<RewardsQueue> {
    if (!canCoordinate(actor, communityId)) throw DomainError.forbidden('auth.roleOrCommunity');
    return { offersPendingApproval: await this.offers.countPendingApproval(communityId) };
  }

  /** One change of status under the offer's row lock. */
  private async act(actor: Actor | null, id: string, action: OfferAction): Promise<OfferView> {
    const me = signedIn(actor);
    const updated = await this.offers.transaction(async (offers) => {
      const offer = await offers.lock(id);
      if (!offer) throw DomainError.notFound('Offer');
      const status = offerTransition(offer, action, me);
      const now = new Date();
      return offers.update(id, {
        status,
        updatedAt: now,
        ...(action === 'approve' ? { approvedBy: me.memberId, approvedAt: now } : {}),
      });
    });
    const [view] = await this.views(me, [updated]);
    return view;
  }

  /** The caller's tier and available credits; a member the ledger does not know yet has none. */
  private async claimant(me: Actor): Promise<Claimant> {
    try {
      const account = await this.ledger.account({ type: 'member', id: me.memberId });
      return {
        tierLevel: tierFor(account.lifetimeEarnedMinutes, this.config.tiers).level,
        availableMinutes: account.availableMinutes,
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
        return { tierLevel: 0, availableMinutes: 0 };
      }
      throw error;
    }
  }

  private async views(me: Actor, offers: OfferEntity[], known?: Claimant): Promise<OfferView[]> {
    const ids = offers.map((o) => o.id);
    const takenOf = await this.vouchers.takenOf(ids, me.memberId);
    const names = await this.merchants.namesOf(offers.map((o) => o.merchantId));
    const claimant = known ?? (await this.claimant(me));
    const now = new Date();
    return offers.map((o) => {
      const reason = claimIneligibility({
        offer: o,
        actor: me,
        now,
        tierLevel: claimant.tierLevel,
        availableMinutes: claimant.availableMinutes,
        claimedByMember: takenOf(o.id).mine,
        taken: takenOf(o.id).taken,
      });
      return toOfferView(o, names.get(o.merchantId) ?? '', takenOf(o.id).taken, {
        ok: reason === null,
        reason,
      });
    });
  }
}
