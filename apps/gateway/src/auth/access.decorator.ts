import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Role } from '@app/contracts';
import { ApiProblems } from '../docs/api-problems.decorator';

export const ACCESS_POLICY = 'timebank:access';

/** Where a route carries the community it acts on. */
export interface CommunityScope {
  source: 'params' | 'body' | 'query';
  key: string;
}

/** Who may call a route: every route declares one, or the guard refuses it. */
export interface AccessPolicy {
  public: boolean;
  /** Any one of these roles suffices; absent means any signed-in member. */
  roles?: Role[];
  /** Coordinators pass only for communities they coordinate; admins always. */
  scope?: CommunityScope;
  /** Open to a member who must still change a temporary password (GET /me, POST /me/password). */
  beforePasswordChange?: boolean;
}

/** No sign-in needed. */
export const Public = () => SetMetadata(ACCESS_POLICY, { public: true } satisfies AccessPolicy);

/** Signed-in members, optionally only those with one of `roles`, optionally scoped to a community. */
export const Access = (roles?: Role[], scope?: CommunityScope) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { public: false, roles, scope } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiProblems(401, 403),
  );

/** Signed-in members, even one who must still change a temporary password. */
export const AccessBeforePasswordChange = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, {
      public: false,
      beforePasswordChange: true,
    } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiProblems(401),
  );

export const inBody = (key: string): CommunityScope => ({ source: 'body', key });
export const inParams = (key: string): CommunityScope => ({ source: 'params', key });
export const inQuery = (key: string): CommunityScope => ({ source: 'query', key });
