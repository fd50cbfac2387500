import { nullIfNotFound, ServiceClient } from '@app/common';
import { MemberSummary, RewardsMessages, VolunteersMessages } from '@app/contracts';
import { Injectable } from '@nestjs/common';

/**
 * Asks the owning service about owners the ledger has not heard of yet
 * (their announcement may still be on its way): volunteers for members and
 * communities, rewards for merchants.
 */
export abstract class AccountDirectory {
  /** The member, or null when the volunteers service knows no such member. */
  abstract findMember(memberId: string): Promise<MemberSummary | null>;
  /** The member with this phone (any notation) or card number, or null when nobody has it. */
  abstract findMemberBy(
    contact: { phone: string } | { cardNumber: string },
  ): Promise<MemberSummary | null>;
  /** The community, or null when there is none with this id. */
  abstract findCommunity(communityId: string): Promise<{ id: string; name: string } | null>;
  /** The merchant (asked of the rewards service), or null when there is none with this id. */
  abstract findMerchant(
    merchantId: string,
  ): Promise<{ id: string; name: string; communityId: string } | null>;
}

@Injectable()
export class NatsAccountDirectory extends AccountDirectory {
  constructor(private readonly services: ServiceClient) {
    super();
  }

  findMember(memberId: string): Promise<MemberSummary | null> {
    return nullIfNotFound(this.services.call(VolunteersMessages.memberLookup, { id: memberId }));
  }

  findMemberBy(contact: { phone: string } | { cardNumber: string }): Promise<MemberSummary | null> {
    return nullIfNotFound(this.services.call(VolunteersMessages.memberFind, contact));
  }

  async findMerchant(
    merchantId: string,
  ): Promise<{ id: string; name: string; communityId: string } | null> {
    const merchant = await nullIfNotFound(
      this.services.call(RewardsMessages.merchantGet, { id: merchantId }),
    );
    return merchant && { id: merchant.id, name: merchant.name, communityId: merchant.communityId };
  }

  async findCommunity(communityId: string): Promise<{ id: string; name: string } | null> {
    const communities = await this.services.call(VolunteersMessages.communityList, {});
    const found = communities.find((c) => c.id === communityId);
    return found ? { id: found.id, name: found.name } : null;
  }
}
