import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, FieldError } from '@app/common';

const TITLES: Record<ErrorCode, string> = {
  [ErrorCode.VALIDATION_FAILED]: 'The request is not valid',
  [ErrorCode.UNAUTHENTICATED]: 'Authentication is required',
  [ErrorCode.FORBIDDEN]: 'Not allowed',
  [ErrorCode.PASSWORD_CHANGE_REQUIRED]: 'Change your password first',
  [ErrorCode.ACCOUNT_SUSPENDED]: 'This account is suspended',
  [ErrorCode.NOT_FOUND]: 'Not found',
  [ErrorCode.INVALID_STATE]: 'Not possible in the current state',
  [ErrorCode.INSUFFICIENT_CREDITS]: 'Not enough time credits',
  [ErrorCode.NOT_ELIGIBLE]: 'Not eligible',
  [ErrorCode.SOLD_OUT]: 'Sold out',
  [ErrorCode.CONFLICT]: 'Conflict',
  [ErrorCode.IDEMPOTENCY_MISMATCH]: 'Idempotency key reused with another request',
  [ErrorCode.PAYLOAD_TOO_LARGE]: 'The request body is too large',
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 'Unsupported content type',
  [ErrorCode.RATE_LIMITED]: 'Too many requests',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'A service is unavailable',
  [ErrorCode.SERVICE_TIMEOUT]: 'A service did not answer in time',
  [ErrorCode.INTERNAL]: 'Internal error',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem document, as API.md "Conventions" fixes it. */
export class Problem {
  @ApiProperty({ example: 'https://timebank.example/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'Invalid input: password' }) detail!: string;
  @ApiProperty({ enum: ErrorCode, example: ErrorCode.VALIDATION_FAILED }) code!: ErrorCode;
  @ApiPropertyOptional({
    example: [{ field: 'password', message: 'password must be at least 10 characters' }],
  })
  errors?: FieldError[];
  @ApiProperty({ example: '3f0c7c1e-5a0e-4b1e-9d7e-2f1b2c3d4e5f' }) requestId!: string;
}

export function problemOf(
  code: ErrorCode,
  status: number,
  detail: string,
  requestId: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `https://timebank.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[code],
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId,
  };
}
