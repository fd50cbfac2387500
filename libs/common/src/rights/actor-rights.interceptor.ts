import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Actor, MessageContract, VolunteersMessages } from '@app/contracts';
import { isUUID } from 'class-validator';
import { Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { assertPasswordChanged, currentActor } from './actor-check';
import { RightsCache } from './rights-cache';

/** What a member who must change a temporary password may still ask for. */
const OPEN_BEFORE_PASSWORD_CHANGE: readonly MessageContract<unknown, unknown>[] = [
  VolunteersMessages.memberGet,
  VolunteersMessages.passwordChange,
];

/**
 * Every command that names an actor is carried out for the member's rights as
 * they are now: the envelope's actor (the access token's copy) is checked
 * against the current rights version and replaced by the current rights, so a
 * demoted, suspended or signed-out member's old token grants nothing, in every
 * service, whatever the gateway let through.
 */
@Injectable()
export class ActorRightsInterceptor implements NestInterceptor {
  constructor(private readonly rights: RightsCache) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'rpc') return next.handle();
    const envelope = context.switchToRpc().getData<{ actor?: Actor | null } | undefined>();
    const claimed = envelope?.actor;
    if (envelope && claimed) {
      if (typeof claimed !== 'object' || !isUUID(claimed.memberId, 'all')) {
        throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
      }
      const actor = currentActor(claimed, await this.rights.get(claimed.memberId));
      if (!opensBeforePasswordChange(context)) assertPasswordChanged(actor);
      envelope.actor = actor;
    }
    return next.handle();
  }
}

function opensBeforePasswordChange(context: ExecutionContext): boolean {
  const subject =
    context.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.() ?? '';
  return OPEN_BEFORE_PASSWORD_CHANGE.some((message) => subject.endsWith(`.${message.subject}`));
}
