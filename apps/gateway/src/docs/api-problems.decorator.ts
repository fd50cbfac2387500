import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ResponseObject } from '@nestjs/swagger';
import { Problem, PROBLEM_CONTENT_TYPE } from '../http/problem';

/** What each problem status means, with its codes (API.md "Conventions"). */
export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400:
    'VALIDATION_FAILED: malformed JSON, a missing, bad or unknown field, or a request that is ' +
    'not well formed (an over-long path segment or header); errors names each field',
  401: 'UNAUTHENTICATED: no token, a bad or expired token, or wrong credentials',
  403:
    'FORBIDDEN: the role or community scope does not allow it; PASSWORD_CHANGE_REQUIRED: a ' +
    'temporary password must be changed first (POST /me/password)',
  404: 'NOT_FOUND: no such resource (or not visible to the caller)',
  409: 'A conflict: CONFLICT, INVALID_STATE, INSUFFICIENT_CREDITS, NOT_ELIGIBLE, SOLD_OUT or IDEMPOTENCY_MISMATCH',
  413: 'PAYLOAD_TOO_LARGE: the body is over 1 MB',
  415: 'UNSUPPORTED_MEDIA_TYPE: a body that is not application/json',
  429: 'RATE_LIMITED: too many attempts; see Retry-After',
  503: 'SERVICE_UNAVAILABLE: a service behind the gateway is down',
  504: 'SERVICE_TIMEOUT: a service did not answer in time',
};

/** The response object of a problem status. */
export function problemResponse(status: number, description?: string): ResponseObject {
  return {
    description: description ?? PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(Problem) } } },
  };
}

/**
 * Documents the problem responses a route can give beyond those every route
 * can (see conventions.ts): a status, or a status and what it means here.
 */
export const ApiProblems = (...statuses: Array<number | [number, string]>) =>
  applyDecorators(
    ApiExtraModels(Problem),
    ...statuses.map((entry) => {
      const [status, description] = Array.isArray(entry) ? entry : [entry, undefined];
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
