import { DomainError, fieldError, ErrorCode, idempotencyMismatch } from '@app/common';
import { isUUID } from 'class-validator';
import {
  Actor,
  addDays,
  ClaimOfferCommand,
  decodeCursor,
  holdAfterSweeps,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
  HoldView,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MerchantRedemptionsQuery,
  MyVouchersQuery,
  RedeemedVoucherView,
  RedeemVoucherCommand,
  RedemptionPage,
  startOfCityDay,
  tierFor,
  VoucherPage,
  VoucherView,
} from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { OfferEntity } from '../offers/offers.entity';
import { OffersRepository } from '../offers/offers.repository';
import { claimRefusal, mayManageMerchant } from '../offers/offer-rules';
import { KeyedTurns } from './offer-turns';
import { LedgerClient } from '../peers/ledger.client';
import { VolunteersDirectory } from '../peers/volunteers.directory';
import { RewardsConfig } from '../rewards.config';
import { isWellFormedCode, newVoucherCode, normaliseCode } from './voucher-code';
import { holdKeyFor, voucherExpiry, voucherIdFor } from './voucher-keys';
import {
  noSuchVoucher,
  rateLimited,
  redemptionRefusal,
  Refusal,
  retryAfterSeconds,
} from './voucher-rules';
import { toRedeemedView, toRedemptionView, toVoucherView } from './voucher-views';
import { VoucherEntity } from './vouchers.entity';
import { Position, VouchersRepository } from './vouchers.repository';

const HOUR_MS = 3600 * 1000;

/** What a claim found before its hold, for storing the voucher. */
interface IssuedClaim {
  voucherId: string;
  offerId: string;
  me: Actor;
  memberDisplayName: string;
  tierLevel: number;
  availableMinutes: number;
  holdId: string;
  expiresAt: Date;
}

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
  return actor;
}

function readCursor(cursor: string | undefined): Position | null {
  const after = decodeCursor<{ t: string; i: string }>(cursor, ['t', 'i']);
  // A forged id or time must be refused here: PostgreSQL would fail on it.
  if (
    after === null ||
    (after && (Number.isNaN(new Date(after.t).getTime()) || !isUUID(after.i)))
  ) {
    throw DomainError.validation([fieldError('cursor', 'field.badCursor')]);
  }
  return after ? { at: new Date(after.t), id: after.i } : null;
}

function pageOf<T>(
  rows: VoucherEntity[],
  limit: number,
  at: (v: VoucherEntity) => Date,
  view: (v: VoucherEntity) => T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ t: at(last).toISOString(), i: last.id }) : null,
  };
}

@Injectable()
export class VouchersService {
  private readonly logger = new Logger('VouchersService');
  private readonly offerTurns = new KeyedTurns();

  constructor(
    private readonly vouchers: VouchersRepository,
    private readonly offers: OffersRepository,
    private readonly merchants: MerchantsRepository,
    private readonly volunteers: VolunteersDirectory,
    private readonly ledger: LedgerClient,
    private readonly config: RewardsConfig,
  ) {}

  /**
   * Any member claims an offer. Eligibility is checked, the credit cost is
   * held in the ledger, then the voucher is stored under the offer's row lock,
   * where stock and the member's limit are counted again (claims of one offer
   * take turns first, so those waiting hold no pooled connection). If that refuses
   * (someone took the last one a moment before), the hold is voided at once;
   * should even that fail, the ledger's sweeper voids it once this service says
   * no voucher holds it. A retried claim whose hold was swept takes a fresh one.
   */
  async claim(
    actor: Actor | null,
    { id: offerId, idempotencyKey }: ClaimOfferCommand,
  ): Promise<VoucherView> {
    const token = signedIn(actor);
    const voucherId = voucherIdFor(idempotencyKey);
    const earlier = await this.vouchers.findById(voucherId);
    if (earlier) return this.replayOfClaim(earlier, offerId);

    const offer = await this.offers.findById(offerId);
    if (!offer) throw DomainError.notFound('Offer');
    // Roles as the volunteers service knows them now, not as the token remembers them.
    const member = await this.volunteers.lookup(token.memberId);
    if (!member) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    const me: Actor = { ...token, roles: member.roles as Actor['roles'] };
    const account = await this.ledger.account({ type: 'member', id: me.memberId });
    const tierLevel = tierFor(account.lifetimeEarnedMinutes, this.config.tiers).level;
    const counted = (await this.vouchers.takenOf([offerId], me.memberId))(offerId);
    const now = new Date();
    const refusal = claimRefusal({
      offer,
      actor: me,
      now,
      tierLevel,
      availableMinutes: account.availableMinutes,
      claimedByMember: counted.mine,
      taken: counted.taken,
    });
    if (refusal) throw refusal;

    const expiresAt = voucherExpiry(now, this.config.VOUCHER_TTL_SECONDS);
    const hold = await this.holdCost(voucherId, me, offer, expiresAt);
    if (hold.status !== 'open') {
      // This key's claim was refused before and its hold released: it stays refused.
      throw DomainError.of(ErrorCode.INVALID_STATE, 'rewards.claim.refusedKey');
    }
    try {
      const voucher = await this.offerTurns.run(offerId, () =>
        this.issue({
          voucherId,
          offerId,
          me,
          memberDisplayName: member.displayName,
          tierLevel,
          availableMinutes: account.availableMinutes,
          holdId: hold.holdId,
          expiresAt,
        }),
      );
      if (!voucher) throw new Error('a voucher stored a moment ago is gone');
      return this.replayOfClaim(voucher, offerId);
    } catch (error) {
      await this.releaseUnlessIssued(voucherId, hold.holdId);
      throw error;
    }
  }

  /** Holds the offer's cost from the member until a little past the voucher's expiry. */
  private holdCost(
    voucherId: string,
    me: Actor,
    offer: OfferEntity,
    expiresAt: Date,
  ): Promise<HoldView> {
    return holdAfterSweeps(holdKeyFor(voucherId), (key) =>
      this.ledger.createHold({
        idempotencyKey: key,
        kind: 'redemption',
        from: { type: 'member', id: me.memberId },
        to: { type: 'merchant', id: offer.merchantId },
        minutes: offer.creditCostMinutes,
        reference: `voucher:${voucherId}`,
        memo: offer.title.slice(0, 500),
        expiresAt: new Date(
          expiresAt.getTime() + this.config.VOUCHER_HOLD_GRACE_HOURS * HOUR_MS,
        ).toISOString(),
      }),
    );
  }

  /** Stores the voucher under the offer's row lock, its stock and the member's limit counted again. */
  private issue(claim: IssuedClaim): Promise<VoucherEntity | null> {
    const { voucherId, offerId, me } = claim;
    return this.vouchers.transaction(async (vouchers, offers) => {
      const locked = await offers.lock(offerId);
      if (!locked) throw DomainError.notFound('Offer');
      const stored = await vouchers.findById(voucherId);
      if (stored) return stored; // the same claim, retried at the same moment
      const recount = (await vouchers.takenOf([offerId], me.memberId))(offerId);
      const late = claimRefusal({
        offer: locked,
        actor: me,
        now: new Date(),
        tierLevel: claim.tierLevel,
        // Credits were checked above and are held now: the hold answers for them.
        availableMinutes: claim.availableMinutes,
        claimedByMember: recount.mine,
        taken: recount.taken,
      });
      if (late) throw late;
      const issued = await vouchers.insertIssued(
        {
          id: voucherId,
          offerId,
          merchantId: locked.merchantId,
          communityId: locked.communityId,
          memberId: me.memberId,
          memberDisplayName: claim.memberDisplayName,
          holdId: claim.holdId,
          offerTitle: locked.title,
          discount: locked.discount,
          creditCostMinutes: locked.creditCostMinutes,
          expiresAt: claim.expiresAt,
          createdAt: new Date(),
        },
        () => newVoucherCode(),
      );
      return issued ?? (await vouchers.findById(voucherId));
    });
  }

  /** For the ledger's hold sweeper: whether the voucher holds this hold. */
  async holdsHold({ rowId, holdId }: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    const voucher = await this.vouchers.findById(rowId);
    return { present: voucher?.holdId === holdId };
  }

  async mine(actor: Actor | null, query: MyVouchersQuery): Promise<VoucherPage> {
    const me = signedIn(actor);
    const after = readCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.vouchers.listOfMember(me.memberId, query.status, after, limit + 1);
    return pageOf(rows, limit, (v) => v.createdAt, toVoucherView);
  }

  /**
   * Merchant staff redeem a code at the counter. Each merchant's redemptions
   * take turns; failed attempts are recorded and, past the limits over the
   * window, every attempt is refused for a while: guessing codes does not pay.
   */
  async redeem(
    actor: Actor | null,
    { idempotencyKey, redemption }: RedeemVoucherCommand,
  ): Promise<RedeemedVoucherView> {
    const me = signedIn(actor);
    if (!me.roles.includes('merchant') || !me.merchantId) {
      throw DomainError.forbidden('rewards.redeem.staffOnly');
    }
    const merchantId = me.merchantId;
    const code = normaliseCode(redemption.code);
    const now = new Date();
    const since = new Date(now.getTime() - this.config.REDEEM_FAILURE_WINDOW_SECONDS * 1000);
    const outcome = await this.vouchers.transaction(
      async (vouchers): Promise<VoucherEntity | DomainError> => {
        await vouchers.serialiseRedemptionsOf(merchantId);
        const earlier = await vouchers.findByRedeemKey(idempotencyKey);
        if (earlier) return earlier.code === code ? earlier : idempotencyMismatch();
        const reached = await vouchers.limitsReached(me.memberId, merchantId, since, {
          staff: this.config.REDEEM_FAILURES_PER_STAFF,
          merchant: this.config.REDEEM_FAILURES_PER_MERCHANT,
        });
        if (reached.length > 0) {
          const window = this.config.REDEEM_FAILURE_WINDOW_SECONDS;
          return rateLimited(retryAfterSeconds(reached, window, now));
        }
        const refuse = async ({ reason, error }: Refusal) => {
          await vouchers.recordFailure({
            staffId: me.memberId,
            merchantId,
            codeTried: redemption.code,
            reason,
            at: now,
          });
          return error;
        };
        if (!isWellFormedCode(code)) return refuse(noSuchVoucher('malformed'));
        const voucher = await vouchers.findByCode(code);
        const refusal = redemptionRefusal(voucher, merchantId, now);
        if (refusal || !voucher) return refuse(refusal ?? noSuchVoucher('unknown'));
        const redeemed = await vouchers.markRedeemed(voucher.id, me.memberId, idempotencyKey, now);
        if (redeemed) return redeemed;
        // Cancelled or expired between the read and the update.
        return refuse(
          redemptionRefusal(await vouchers.findById(voucher.id), merchantId, new Date()) ??
            noSuchVoucher('unknown'),
        );
      },
    );
    if (outcome instanceof DomainError) throw outcome;
    return toRedeemedView(outcome);
  }

  /** Its owner gives an issued voucher back; the hold is released through the ledger. */
  async cancel(actor: Actor | null, id: string): Promise<VoucherView> {
    const me = signedIn(actor);
    const now = new Date();
    const cancelled = await this.vouchers.transaction(async (vouchers) => {
      const done = await vouchers.markCancelled(id, me.memberId, now);
      if (done) return done;
      const voucher = await vouchers.findById(id);
      // Another member's voucher is not theirs to see.
      if (!voucher || voucher.memberId !== me.memberId) throw DomainError.notFound('Voucher');
      const status =
        voucher.status === 'issued' && voucher.expiresAt.getTime() <= now.getTime()
          ? 'expired'
          : voucher.status;
      throw DomainError.of(
        ErrorCode.INVALID_STATE,
        'rewards.voucher.cancelState',
        { status },
        { status },
      );
    });
    return toVoucherView(cancelled);
  }

  /**
   * Its staff and coordinators of its community see a merchant's redemptions,
   * of the city's days from–to when named (today's at the counter).
   */
  async redemptions(
    actor: Actor | null,
    { merchantId, cursor, limit: asked, from, to }: MerchantRedemptionsQuery,
  ): Promise<RedemptionPage> {
    const me = signedIn(actor);
    if (from !== undefined && to !== undefined && from > to) {
      throw DomainError.validation([fieldError('from', 'field.fromAfterTo', { from, to })]);
    }
    const merchant = await this.merchants.findById(merchantId);
    if (!merchant) throw DomainError.notFound('Merchant');
    if (!mayManageMerchant(me, merchant)) {
      throw DomainError.forbidden('rewards.redemptions.forbidden');
    }
    const after = readCursor(cursor);
    const limit = asked ?? DEFAULT_PAGE_SIZE;
    const zone = this.config.CITY_TIME_ZONE;
    const period = {
      start: from === undefined ? null : startOfCityDay(from, zone),
      until: to === undefined ? null : startOfCityDay(addDays(to, 1), zone),
    };
    const rows = await this.vouchers.listRedeemedAt(merchantId, period, after, limit + 1);
    return pageOf(rows, limit, (v) => v.redeemedAt as Date, toRedemptionView);
  }

  /** Expires what is due, batch by batch; returns how many. */
  /** Tells members whose unused voucher expires soon, each once, batch by batch; returns how many. */
  async warnExpiring(batch = 200): Promise<number> {
    let total = 0;
    let warned: number;
    do {
      warned = await this.vouchers.warnExpiring(this.config.VOUCHER_EXPIRY_WARNING_HOURS, batch);
      total += warned;
    } while (warned === batch);
    return total;
  }

  async expireDue(batch = 200): Promise<number> {
    let total = 0;
    let expired: number;
    do {
      expired = await this.vouchers.expireDue(batch);
      total += expired;
    } while (expired === batch);
    return total;
  }

  private replayOfClaim(voucher: VoucherEntity, offerId: string): VoucherView {
    if (voucher.offerId !== offerId) throw idempotencyMismatch();
    return toVoucherView(voucher);
  }

  /** Best effort: a claim that stored no voucher gives its credits back now. */
  private async releaseUnlessIssued(voucherId: string, holdId: string): Promise<void> {
    try {
      if (await this.vouchers.findById(voucherId)) return;
      await this.ledger.voidHold(holdId);
    } catch (error) {
      this.logger.warn(
        `hold ${holdId} of a refused claim stays until it expires: ${(error as Error).message}`,
      );
    }
  }
}
