import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@app/contracts';
import type { AuthenticatedRequest } from './access.guard';

/** The signed-in member (null on public routes without a token). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().actor ?? null,
);
