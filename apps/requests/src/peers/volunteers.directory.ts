import { DomainError, ErrorCode, nullIfNotFound, ServiceClient } from '@app/common';
import { Actor, MemberSummary, MemberView, VolunteersMessages } from '@app/contracts';
import { Injectable } from '@nestjs/common';

/** What the requests service asks the volunteers service about members and communities. */
@Injectable()
export class VolunteersDirectory {
  constructor(private readonly peers: ServiceClient) {}

  /**
   * The acting member as the volunteers service knows it now: roles, scope and
   * grid unit are read from here, not from the token's copy, which may be stale.
   */
  async current(actor: Actor | null): Promise<{ actor: Actor; member: MemberView }> {
    if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    try {
      const member = await this.peers.call(
        VolunteersMessages.memberGet,
        { id: actor.memberId },
        actor,
      );
      return {
        member,
        actor: {
          memberId: member.id,
          roles: member.roles,
          communityId: member.communityId,
          coordinatorOf: member.coordinatorOf,
          merchantId: member.merchantId,
        },
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
        throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
      }
      throw error;
    }
  }

  /** Any member, without actor rules; null when there is none. */
  lookup(memberId: string): Promise<MemberSummary | null> {
    return nullIfNotFound(this.peers.call(VolunteersMessages.memberLookup, { id: memberId }));
  }

  async isGridUnitOf(gridUnitId: string, communityId: string): Promise<boolean> {
    const communities = await this.peers.call(VolunteersMessages.communityList, {});
    const community = communities.find((c) => c.id === communityId);
    return !!community?.gridUnits.some((unit) => unit.id === gridUnitId);
  }
}
