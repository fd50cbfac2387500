import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { currentActor, DomainError, ErrorCode, RightsCache } from '@app/common';
import { Actor } from '@app/contracts';
import { ACCESS_POLICY, AccessPolicy } from './access.decorator';
import { decideAccess } from './access-rules';
import { claimedActor, TokenService } from './token.service';

export type AuthenticatedRequest = FastifyRequest & { actor: Actor | null };

/** The one guard on every route: authentication, role and community scope. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly rights: RightsCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      // Fail closed: a route nobody declared a policy for is nobody's.
      this.logger.error(
        `route ${context.getClass().name}.${context.getHandler().name} has no access policy`,
      );
      throw DomainError.forbidden('auth.routeClosed');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.actor = await this.actorOf(request, policy);
    const scoped = policy.scope
      ? (request[policy.scope.source] as Record<string, unknown> | undefined)?.[policy.scope.key]
      : undefined;
    switch (decideAccess(policy, request.actor, scoped)) {
      case 'allow':
        return true;
      case 'unauthenticated':
        throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.signInFirst');
      case 'forbidden':
        throw DomainError.forbidden('auth.roleOrCommunity');
      case 'password-change-required':
        throw DomainError.of(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'auth.changePasswordFirst');
    }
  }

  /**
   * The member's rights as they are now, when the token is valid and was issued
   * under the current rights version. On a public route a token that no longer
   * holds is as good as none; elsewhere it is a 401.
   */
  private async actorOf(request: FastifyRequest, policy: AccessPolicy): Promise<Actor | null> {
    const claim = this.tokens.claimFrom(request.headers.authorization);
    if (!claim) return null;
    try {
      return currentActor(claimedActor(claim), await this.rights.get(claim.memberId));
    } catch (error) {
      if (
        policy.public &&
        error instanceof DomainError &&
        error.code === ErrorCode.UNAUTHENTICATED
      ) {
        return null;
      }
      throw error;
    }
  }
}
