import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, MemberView, Role, ROLES } from '@app/contracts';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

interface AccessClaims {
  sub: string;
  roles: Role[];
  communityId: string | null;
  coordinatorOf: string[];
  merchantId: string | null;
}

/** Issues and reads the 15-minute access tokens. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(member: MemberView): { accessToken: string; expiresIn: number } {
    const claims: AccessClaims = {
      sub: member.id,
      roles: member.roles,
      communityId: member.communityId,
      coordinatorOf: member.coordinatorOf,
      merchantId: member.merchantId,
    };
    return { accessToken: this.jwt.sign(claims), expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** The actor a bearer token speaks for, or null when it is missing, forged or expired. */
  actorFrom(authorization: string | undefined): Actor | null {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return null;
    try {
      const claims = this.jwt.verify<AccessClaims>(match[1]);
      if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return null;
      return {
        memberId: claims.sub,
        roles: claims.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
        communityId: claims.communityId ?? null,
        coordinatorOf: Array.isArray(claims.coordinatorOf) ? claims.coordinatorOf : [],
        merchantId: claims.merchantId ?? null,
      };
    } catch {
      return null;
    }
  }
}
