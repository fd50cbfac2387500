import { nullIfNotFound, ServiceClient } from '@app/common';
import { MemberSummary, VolunteersMessages } from '@app/contracts';
import { Injectable } from '@nestjs/common';

/** What the rewards service asks the volunteers service about members and communities. */
@Injectable()
export class VolunteersDirectory {
  constructor(private readonly peers: ServiceClient) {}

  /** Any member as the volunteers service knows it now; null when there is none. */
  lookup(memberId: string): Promise<MemberSummary | null> {
    return nullIfNotFound(this.peers.call(VolunteersMessages.memberLookup, { id: memberId }));
  }

  /** The members of these ids that exist. */
  lookupMany(memberIds: string[]): Promise<MemberSummary[]> {
    return this.peers.call(VolunteersMessages.memberLookupMany, { ids: memberIds });
  }

  async communityExists(communityId: string): Promise<boolean> {
    const communities = await this.peers.call(VolunteersMessages.communityList, {});
    return communities.some((c) => c.id === communityId);
  }
}
