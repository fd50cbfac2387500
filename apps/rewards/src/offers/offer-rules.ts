import { DomainError, ErrorCode, FieldError } from '@app/common';
import {
  Actor,
  canCoordinate,
  CreateOfferDto,
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
    errors.push({ field: 'validUntil', message: 'validUntil must be after validFrom' });
  }
  const top = tiers[tiers.length - 1].level;
  if (offer.minTier > top) {
    errors.push({ field: 'minTier', message: `minTier must be a tier level from 0 to ${top}` });
  }
  if (offer.perMemberLimit > offer.quantity) {
    errors.push({ field: 'perMemberLimit', message: 'perMemberLimit must be at most quantity' });
  }
  return errors;
}

export type OfferAction = 'approve' | 'pause' | 'resume';

const FROM: Record<OfferAction, { from: OfferStatus; to: OfferStatus; doing: string }> = {
  approve: { from: 'pending_approval', to: 'active', doing: 'approved' },
  pause: { from: 'active', to: 'paused', doing: 'paused' },
  resume: { from: 'paused', to: 'active', doing: 'resumed' },
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
      action === 'approve'
        ? "Only coordinators of the merchant's community approve its offers"
        : "Only the merchant's staff and coordinators of its community change its offers",
    );
  }
  const { from, to, doing } = FROM[action];
  if (offer.status !== from) {
    throw new DomainError(
      ErrorCode.INVALID_STATE,
      `This offer is ${offer.status}: only ${from} offers can be ${doing}`,
      { status: offer.status },
    );
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
      return new DomainError(
        ErrorCode.NOT_ELIGIBLE,
        "Merchant staff cannot claim their own merchant's offers",
        { reason },
      );
    case 'not_active':
      return new DomainError(
        ErrorCode.INVALID_STATE,
        `This offer is ${offer.status}: only active offers can be claimed`,
        { status: offer.status, reason },
      );
    case 'not_yet_valid':
      return new DomainError(ErrorCode.INVALID_STATE, 'This offer is not valid yet', {
        validFrom: offer.validFrom.toISOString(),
        reason,
      });
    case 'expired':
      return new DomainError(ErrorCode.INVALID_STATE, 'This offer has ended', {
        validUntil: offer.validUntil.toISOString(),
        reason,
      });
    case 'tier_too_low':
      return new DomainError(
        ErrorCode.NOT_ELIGIBLE,
        `This offer needs tier ${offer.minTier}; yours is ${tierLevel}`,
        { minTier: offer.minTier, tier: tierLevel, reason },
      );
    case 'limit_reached':
      return new DomainError(
        ErrorCode.NOT_ELIGIBLE,
        `You have claimed this offer the most times allowed: the limit is ${offer.perMemberLimit}`,
        { perMemberLimit: offer.perMemberLimit, reason },
      );
    case 'sold_out':
      return new DomainError(ErrorCode.SOLD_OUT, 'No vouchers are left on this offer', { reason });
    case 'insufficient_credits':
      return new DomainError(
        ErrorCode.INSUFFICIENT_CREDITS,
        `This offer costs ${offer.creditCostMinutes} minutes; you have ${availableMinutes} available`,
        { creditCostMinutes: offer.creditCostMinutes, reason },
      );
  }
}
