import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Problem } from '../http/problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED: malformed JSON, a missing, bad or unknown field',
  401: 'UNAUTHENTICATED: no token, a bad or expired token, or wrong credentials',
  403: 'FORBIDDEN: the role or community scope does not allow it',
  404: 'NOT_FOUND: no such resource',
  409: 'A conflict: CONFLICT, INVALID_STATE, INSUFFICIENT_CREDITS, NOT_ELIGIBLE, SOLD_OUT or IDEMPOTENCY_MISMATCH',
  413: 'PAYLOAD_TOO_LARGE: the body is over 1 MB',
  429: 'RATE_LIMITED: too many attempts; see Retry-After',
  503: 'SERVICE_UNAVAILABLE: a service behind the gateway is down',
  504: 'SERVICE_TIMEOUT: a service did not answer in time',
};

/** Documents the problem responses a route can give. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(Problem),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
