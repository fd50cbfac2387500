import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, RightsCache } from '@app/common';
import { SessionGrant } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MemberEntity } from '../members/members.entity';
import { MembersRepository } from '../members/members.repository';
import { RightsRepository } from '../rights/rights.repository';
import { toMemberView } from '../members/members.service';
import { VolunteersConfig } from '../volunteers.config';
import { newRefreshToken, refreshTokenHash } from './refresh-token';
import { SessionsRepository } from './sessions.repository';

/**
 * Sessions outlive the 15-minute access tokens: a refresh token, used once,
 * buys a new access token (with the member's roles as they are now) and a new
 * refresh token. A refresh token presented a second time means someone else
 * has a copy: every session of that member ends.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly members: MembersRepository,
    private readonly config: VolunteersConfig,
    private readonly rights: RightsCache,
  ) {}

  async open(memberId: string): Promise<SessionGrant> {
    const member = await this.members.findById(memberId);
    if (!member) throw DomainError.notFound('Member');
    return this.grant(this.sessions, member);
  }

  /** A first session inside the transaction that creates the member (registration). */
  openIn(manager: EntityManager, member: MemberEntity): Promise<SessionGrant> {
    return this.grant(new SessionsRepository(manager), member);
  }

  private async grant(sessions: SessionsRepository, member: MemberEntity): Promise<SessionGrant> {
    const token = newRefreshToken();
    const expiresAt = this.expiry();
    const sessionId = randomUUID();
    await sessions.insert(member.id, sessionId, refreshTokenHash(token), expiresAt);
    return {
      member: toMemberView(member),
      rightsVersion: member.rightsVersion,
      sessionId,
      refreshToken: token,
      refreshExpiresAt: expiresAt.toISOString(),
    };
  }

  async refresh(refreshToken: string): Promise<SessionGrant> {
    let replayedBy: string | null = null;
    const grant = await this.sessions.transaction(async (sessions, manager) => {
      const current = await sessions.lockByHash(refreshTokenHash(refreshToken));
      if (!current) return null;
      if (current.revokedAt) {
        if (current.replacedBy) {
          this.logger.warn(
            `a used refresh token came back: ending every session of ${current.memberId}`,
          );
          await sessions.endAllOf(current.memberId);
          await RightsRepository.in(manager).moveOn(current.memberId);
          replayedBy = current.memberId;
        }
        return null;
      }
      if (current.expiresAt.getTime() <= Date.now()) return null;
      const member = await this.members.findById(current.memberId);
      if (!member || member.status !== 'active') return null;
      const token = newRefreshToken();
      const expiresAt = this.expiry();
      const next = await sessions.insert(
        member.id,
        current.familyId,
        refreshTokenHash(token),
        expiresAt,
      );
      await sessions.revoke(current.id, next);
      return {
        member: toMemberView(member),
        rightsVersion: member.rightsVersion,
        sessionId: current.familyId,
        refreshToken: token,
        refreshExpiresAt: expiresAt.toISOString(),
      };
    });
    if (replayedBy) this.rights.announce(replayedBy);
    if (!grant) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.sessionEnded');
    return grant;
  }

  /**
   * Signing out ends the session: its refresh token and its access tokens stop
   * working at once; the member's other sessions go on. An unknown token is
   * already as good as closed.
   */
  async close(refreshToken: string): Promise<Record<string, never>> {
    const memberId = await this.sessions.transaction(async (sessions) => {
      const current = await sessions.lockByHash(refreshTokenHash(refreshToken));
      if (!current || current.revokedAt) return null;
      await sessions.end(current.familyId);
      return current.memberId;
    });
    if (memberId) this.rights.announce(memberId);
    return {};
  }

  /** After a password change: every session but the one that changed it ends (in its transaction). */
  endOthersIn(manager: EntityManager, memberId: string, keep: string | null): Promise<void> {
    return new SessionsRepository(manager).endAllOf(memberId, keep);
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000);
  }
}
