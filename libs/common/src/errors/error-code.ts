/** Every error code the public API can answer with (API.md "Conventions"). */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
  ACCOUNT_SUSPENDED = 'ACCOUNT_SUSPENDED',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_STATE = 'INVALID_STATE',
  INSUFFICIENT_CREDITS = 'INSUFFICIENT_CREDITS',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  SOLD_OUT = 'SOLD_OUT',
  CONFLICT = 'CONFLICT',
  IDEMPOTENCY_MISMATCH = 'IDEMPOTENCY_MISMATCH',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  SERVICE_TIMEOUT = 'SERVICE_TIMEOUT',
  INTERNAL = 'INTERNAL',
}

function assertUnreachable(value: never): never {
  throw new Error(`unmapped error code: ${String(value)}`);
}

/** The one mapping from an error code to its HTTP status. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
    case ErrorCode.PASSWORD_CHANGE_REQUIRED:
    case ErrorCode.ACCOUNT_SUSPENDED:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.INVALID_STATE:
    case ErrorCode.INSUFFICIENT_CREDITS:
    case ErrorCode.NOT_ELIGIBLE:
    case ErrorCode.SOLD_OUT:
    case ErrorCode.CONFLICT:
    case ErrorCode.IDEMPOTENCY_MISMATCH:
      return 409;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.SERVICE_TIMEOUT:
      return 504;
    case ErrorCode.INTERNAL:
      return 500;
    default:
      return assertUnreachable(code);
  }
}

/** Codes that say "not now" rather than "no": the same request may succeed when asked again. */
export function isRetryable(code: ErrorCode): boolean {
  return (
    code === ErrorCode.SERVICE_UNAVAILABLE ||
    code === ErrorCode.SERVICE_TIMEOUT ||
    code === ErrorCode.INTERNAL
  );
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ErrorCode;
}
