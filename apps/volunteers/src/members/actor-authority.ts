import { DomainError, ErrorCode } from '@app/common';
import { Actor } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { MembersRepository } from './members.repository';
import { MemberEntity } from './members.entity';

export function actorOf(member: MemberEntity): Actor {
  return {
    memberId: member.id,
    roles: member.roles,
    communityId: member.communityId,
    coordinatorOf: member.coordinatorOf,
    merchantId: member.merchantId,
  };
}

/**
 * The acting member as the database knows it now. Authorisation reads this,
 * not the token's copy, which may be up to 15 minutes stale.
 */
@Injectable()
export class ActorAuthority {
  constructor(private readonly members: MembersRepository) {}

  async current(actor: Actor | null): Promise<Actor> {
    const memberId = actor?.memberId;
    const member = isUUID(memberId, 'all') ? await this.members.findById(memberId as string) : null;
    if (!member) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    return actorOf(member);
  }
}
