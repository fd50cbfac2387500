import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, SessionGrant } from '@app/contracts';
import { isUUID } from 'class-validator';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

interface AccessClaims {
  sub: string;
  /** The member's rights version when the token was issued. */
  ver: number;
  /** The session it belongs to. */
  sid: string;
}

/** A token's claim: who it speaks for and under which rights version. */
export interface TokenClaim {
  memberId: string;
  rightsVersion: number;
  sessionId: string;
}

/**
 * Issues and reads the 15-minute access tokens. A token names the member and
 * the rights version it was issued under, nothing more: what the member may do
 * is read as it is now on every call (see RightsCache), never from the token.
 */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(session: Pick<SessionGrant, 'member' | 'rightsVersion' | 'sessionId'>): {
    accessToken: string;
    expiresIn: number;
  } {
    const claims: AccessClaims = {
      sub: session.member.id,
      ver: session.rightsVersion,
      sid: session.sessionId,
    };
    return { accessToken: this.jwt.sign(claims), expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** What a bearer token claims, or null when it is missing, forged or expired. */
  claimFrom(authorization: string | undefined): TokenClaim | null {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return null;
    try {
      const claims = this.jwt.verify<AccessClaims>(match[1]);
      if (
        !isUUID(claims.sub, 'all') ||
        !isUUID(claims.sid, 'all') ||
        !Number.isInteger(claims.ver)
      ) {
        return null;
      }
      return { memberId: claims.sub, rightsVersion: claims.ver, sessionId: claims.sid };
    } catch {
      return null;
    }
  }
}

/** The claim as an actor to check against the current rights. */
export function claimedActor(claim: TokenClaim): Actor {
  return {
    memberId: claim.memberId,
    rightsVersion: claim.rightsVersion,
    sessionId: claim.sessionId,
    roles: [],
    communityId: null,
    coordinatorOf: [],
    merchantId: null,
  };
}
