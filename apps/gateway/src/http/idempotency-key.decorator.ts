import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DomainError, fieldError } from '@app/common';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '@app/contracts';
import type { AuthenticatedRequest } from '../auth/access.guard';
import { ApiProblems } from '../docs/api-problems.decorator';

/**
 * The Idempotency-Key of a request that moves credits, scoped to the caller
 * (two members may pick the same key). Without the header every request is
 * new: a key is made up, so nothing is deduplicated.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const sent = request.headers['idempotency-key'];
    const key = Array.isArray(sent) ? sent[0] : sent;
    if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw DomainError.validation([
        fieldError('Idempotency-Key', 'auth.idempotencyKeyLength', {
          max: MAX_IDEMPOTENCY_KEY_LENGTH,
        }),
      ]);
    }
    return `${request.actor?.memberId ?? 'anonymous'}:${key ?? `unkeyed-${randomUUID()}`}`;
  },
);

/** Documents a route that moves credits (💳 in API.md). */
export const MovesCredits = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
      description:
        `Any string up to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters: the same key and body again ` +
        'returns the first answer; the same key with another body is 409 IDEMPOTENCY_MISMATCH.',
    }),
    ApiProblems(400, 404, 409),
  );
