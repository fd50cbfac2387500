import { OfferEligibilityView, OfferView } from '@app/contracts';
import { OfferEntity } from './offers.entity';

export function toOfferView(
  offer: OfferEntity,
  merchantName: string,
  taken: number,
  eligibility: OfferEligibilityView,
): OfferView {
  return {
    id: offer.id,
    merchantId: offer.merchantId,
    merchantName,
    communityId: offer.communityId,
    title: offer.title,
    description: offer.description,
    discount: offer.discount,
    creditCostMinutes: offer.creditCostMinutes,
    minTier: offer.minTier,
    validFrom: offer.validFrom.toISOString(),
    validUntil: offer.validUntil.toISOString(),
    quantity: offer.quantity,
    perMemberLimit: offer.perMemberLimit,
    status: offer.status,
    remaining: Math.max(0, offer.quantity - taken),
    eligibility,
    createdBy: offer.createdBy,
    approvedBy: offer.approvedBy,
    approvedAt: offer.approvedAt?.toISOString() ?? null,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  };
}
