import { DomainError, ErrorCode, FieldError, fieldError } from '@app/common';
import {
  Actor,
  canCoordinate,
  CreateOfferDto,
  MessageKey,
  MessageParams,
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

/** What a refused claim answers for one reason, beside the reason itself. */
interface ClaimRefusal {
  code: ErrorCode;
  key: MessageKey;
  /** The values the message shows; none when absent. */
  params?: (facts: ClaimFacts) => MessageParams;
  /** What the problem's details carry with the reason; the message's values when absent. */
  details?: (facts: ClaimFacts) => Record<string, unknown>;
}

const CLAIM_REFUSALS: Record<OfferIneligibilityReason, ClaimRefusal> = {
  own_merchant: { code: ErrorCode.NOT_ELIGIBLE, key: 'rewards.claim.ownMerchant' },
  not_active: {
    code: ErrorCode.INVALID_STATE,
    key: 'rewards.claim.notActive',
    params: ({ offer }) => ({ status: offer.status }),
  },
  not_yet_valid: {
    code: ErrorCode.INVALID_STATE,
    key: 'rewards.claim.notYetValid',
    details: ({ offer }) => ({ validFrom: offer.validFrom.toISOString() }),
  },
  expired: {
    code: ErrorCode.INVALID_STATE,
    key: 'rewards.claim.ended',
    details: ({ offer }) => ({ validUntil: offer.validUntil.toISOString() }),
  },
  tier_too_low: {
    code: ErrorCode.NOT_ELIGIBLE,
    key: 'rewards.claim.tierTooLow',
    params: ({ offer, tierLevel }) => ({ minTier: offer.minTier, tier: tierLevel }),
  },
  limit_reached: {
    code: ErrorCode.NOT_ELIGIBLE,
    key: 'rewards.claim.limitReached',
    params: ({ offer }) => ({ perMemberLimit: offer.perMemberLimit }),
  },
  sold_out: { code: ErrorCode.SOLD_OUT, key: 'rewards.claim.soldOut' },
  insufficient_credits: {
    code: ErrorCode.INSUFFICIENT_CREDITS,
    key: 'rewards.claim.insufficientCredits',
    params: ({ offer, availableMinutes }) => ({
      creditCostMinutes: offer.creditCostMinutes,
      availableMinutes,
    }),
    details: ({ offer }) => ({ creditCostMinutes: offer.creditCostMinutes }),
  },
};

function refusalFor(reason: OfferIneligibilityReason, facts: ClaimFacts): DomainError {
  const { code, key, params, details = params } = CLAIM_REFUSALS[reason];
  return DomainError.of(code, key, params?.(facts) ?? {}, { ...details?.(facts), reason });
}
