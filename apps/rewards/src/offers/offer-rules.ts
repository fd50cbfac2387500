import { DomainError, ErrorCode, FieldError, fieldError } from '@app/common';
import {
  Actor,
  canCoordinate,
  CreateOfferDto,
  MessageKey,
  OfferIneligibilityReason,
  OfferStatus,
  Tier,
} from '@app/contracts';

/**
 * Who may do what with merchants and offers, and whether a member may claim an
 * offer now, as pure functions. A claim's checks run in one order everywhere:
 * one's own merchant (409 NOT_ELIGIBLE), the offer's state (409 INVALID_STATE),
 * the member's tier and limit (409 NOT_ELIGIBLE), stock (409 SOLD_OUT), then
 * available credits (409 INSUFFICIENT_CREDITS; the ledger has the last word).
 */

export interface MerchantFacts {
  id: string;
  communityId: string;
}

export type OfferFacts = {
  merchantId: string;
  communityId: string;
  status: OfferStatus;
  minTier: number;
  validFrom: Date;
  validUntil: Date;
  quantity: number;
  perMemberLimit: number;
};

export function isStaffOf(actor: Actor, merchantId: string): boolean {
  return actor.roles.includes('merchant') && actor.merchantId === merchantId;
}

/** Its staff and the coordinators of its community (and admins). */
export function mayManageMerchant(actor: Actor, merchant: MerchantFacts): boolean {
  return isStaffOf(actor, merchant.id) || canCoordinate(actor, merchant.communityId);
}

/** What is wrong with a new offer beyond the shape of its fields. */
export function offerErrors(offer: CreateOfferDto, tiers: Tier[]): FieldError[] {
  const errors: FieldError[] = [];
  if (new Date(offer.validUntil).getTime() <= new Date(offer.validFrom).getTime()) {
    errors.push(fieldError('validUntil', 'rewards.offer.validUntilAfterFrom'));
  }
  const top = tiers[tiers.length - 1].level;
  if (offer.minTier > top) {
    errors.push(fieldError('minTier', 'rewards.offer.minTierRange', { top }));
  }
  if (offer.perMemberLimit > offer.quantity) {
    errors.push(fieldError('perMemberLimit', 'rewards.offer.limitAboveQuantity'));
  }
  return errors;
}

export type OfferAction = 'approve' | 'pause' | 'resume';

const FROM: Record<OfferAction, { from: OfferStatus; to: OfferStatus; refusal: MessageKey }> = {
  approve: { from: 'pending_approval', to: 'active', refusal: 'rewards.offer.approveState' },
  pause: { from: 'active', to: 'paused', refusal: 'rewards.offer.pauseState' },
  resume: { from: 'paused', to: 'active', refusal: 'rewards.offer.resumeState' },
};

/** The offer's next status, or the refusal: only coordinators approve; staff pause and resume. */
export function offerTransition(offer: OfferFacts, action: OfferAction, actor: Actor): OfferStatus {
  const merchant = { id: offer.merchantId, communityId: offer.communityId };
  const allowed =
    action === 'approve'
      ? canCoordinate(actor, offer.communityId)
      : mayManageMerchant(actor, merchant);
  if (!allowed) {
    throw DomainError.forbidden(
      action === 'approve' ? 'rewards.offer.approveForbidden' : 'rewards.offer.changeForbidden',
    );
  }
  const { from, to, refusal } = FROM[action];
  if (offer.status !== from) {
    const status = offer.status;
    throw DomainError.of(ErrorCode.INVALID_STATE, refusal, { status }, { status });
  }
  return to;
}

export interface ClaimFacts {
  offer: OfferFacts & { creditCostMinutes: number };
  actor: Actor;
  now: Date;
  /** The claimant's tier level from lifetime earned minutes. */
  tierLevel: number;
  /** The claimant's available credits (balance − held + overdraft limit). */
  availableMinutes: number;
  /** Vouchers the claimant holds or used on this offer (issued or redeemed). */
  claimedByMember: number;
  /** Vouchers issued or redeemed on this offer, by anyone. */
  taken: number;
}

/**
 * The first reason `actor` may not claim the offer now, or null. Every signed-in
 * member may claim (residents spend credits family gave them): tier, stock, the
 * per-member limit and available credits decide.
 */
export function claimIneligibility({
  offer,
  actor,
  now,
  tierLevel,
  availableMinutes,
  claimedByMember,
  taken,
}: ClaimFacts): OfferIneligibilityReason | null {
  if (isStaffOf(actor, offer.merchantId)) return 'own_merchant';
  if (offer.status !== 'active') return 'not_active';
  if (now.getTime() < offer.validFrom.getTime()) return 'not_yet_valid';
  if (now.getTime() >= offer.validUntil.getTime()) return 'expired';
  if (tierLevel < offer.minTier) return 'tier_too_low';
  if (claimedByMember >= offer.perMemberLimit) return 'limit_reached';
  if (taken >= offer.quantity) return 'sold_out';
  if (availableMinutes < offer.creditCostMinutes) return 'insufficient_credits';
  return null;
}

/** Why `actor` may not claim the offer now, as the error the claim answers; null when they may. */
export function claimRefusal(facts: ClaimFacts): DomainError | null {
  const reason = claimIneligibility(facts);
  return reason === null ? null : refusalFor(reason, facts);
}

function refusalFor(
  reason: OfferIneligibilityReason,
  { offer, tierLevel, availableMinutes }: ClaimFacts,
): DomainError {
  switch (reason) {
    case 'own_merchant':
      return DomainError.of(ErrorCode.NOT_ELIGIBLE, 'rewards.claim.ownMerchant', {}, { reason });
    case 'not_active':
      return DomainError.of(
        ErrorCode.INVALID_STATE,
        'rewards.claim.notActive',
        { status: offer.status },
        { status: offer.status, reason },
      );
    case 'not_yet_valid':
      return DomainError.of(
        ErrorCode.INVALID_STATE,
        'rewards.claim.notYetValid',
        {},
        { validFrom: offer.validFrom.toISOString(), reason },
      );
    case 'expired':
      return DomainError.of(
        ErrorCode.INVALID_STATE,
        'rewards.claim.ended',
        {},
        { validUntil: offer.validUntil.toISOString(), reason },
      );
    case 'tier_too_low':
      return DomainError.of(
        ErrorCode.NOT_ELIGIBLE,
        'rewards.claim.tierTooLow',
        { minTier: offer.minTier, tier: tierLevel },
        { minTier: offer.minTier, tier: tierLevel, reason },
      );
    case 'limit_reached':
      return DomainError.of(
        ErrorCode.NOT_ELIGIBLE,
        'rewards.claim.limitReached',
        { perMemberLimit: offer.perMemberLimit },
        { perMemberLimit: offer.perMemberLimit, reason },
      );
    case 'sold_out':
      return DomainError.of(ErrorCode.SOLD_OUT, 'rewards.claim.soldOut', {}, { reason });
    case 'insufficient_credits':
      return DomainError.of(
        ErrorCode.INSUFFICIENT_CREDITS,
        'rewards.claim.insufficientCredits',
        { creditCostMinutes: offer.creditCostMinutes, availableMinutes },
        { creditCostMinutes: offer.creditCostMinutes, reason },
      );
  }
}
