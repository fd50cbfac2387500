import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, httpStatusOf } from '@app/common';
import { Problem, problemOf } from './problem';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
  504: ErrorCode.SERVICE_TIMEOUT,
};

/**
 * Fastify's own refusals (bad JSON, body too large, wrong content type, a path
 * it cannot route) and Node's refusals of what is not HTTP at all carry these.
 */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * Refusals of the request line and headers, by the framework's or Node's code.
 * Their messages quote the path or the input, so they are never passed on.
 */
const REQUEST_REFUSALS: Record<string, { detail: string; field: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: { detail: 'A path segment is too long', field: 'path' },
  FST_ERR_BAD_URL: { detail: 'The path is not a valid URL', field: 'path' },
  HPE_HEADER_OVERFLOW: { detail: 'The request headers are too large', field: 'headers' },
  ERR_HTTP_REQUEST_TIMEOUT: { detail: 'The request did not arrive in time', field: 'request' },
};

/** What Node's HTTP parser refuses (`HPE_…`): a request that is not well-formed HTTP. */
const NOT_HTTP = { detail: 'The request is not well-formed HTTP', field: 'request' };

function requestRefusal(error: FrameworkError): { detail: string; field: string } | undefined {
  const code = typeof error?.code === 'string' ? error.code : '';
  return REQUEST_REFUSALS[code] ?? (code.startsWith('HPE_') ? NOT_HTTP : undefined);
}

function frameworkDetail(
  error: FrameworkError,
  status: number,
): { detail: string; field?: string } {
  if (status === 413) return { detail: 'The request body is larger than 1 MB' };
  if (status === 415) return { detail: 'Send JSON with Content-Type: application/json' };
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { detail: 'The JSON body is empty', field: 'body' };
  }
  if (status === 400 && error.code?.startsWith('FST_ERR_CTP')) {
    return { detail: 'The body is not valid JSON', field: 'body' };
  }
  if (status === 404) return { detail: 'No such route' };
  // The gateway's own limiter words its message; nothing of the input is in it.
  if (status === 429)
    return { detail: error.message ?? 'Too many requests: wait before trying again' };
  return { detail: 'The request was refused' };
}

/**
 * The one mapping from anything thrown while serving an HTTP request to the
 * problem response the client sees. `internal` is true when it was a fault of ours.
 */
export function toProblem(
  error: unknown,
  requestId: string,
): { problem: Problem; internal: boolean } {
  if (error instanceof DomainError) {
    return {
      problem: problemOf(error.code, error.status, error.message, requestId, error.details?.errors),
      internal: error.code === ErrorCode.INTERNAL,
    };
  }
  if (error instanceof HttpException) {
    // Nest hands Fastify's own refusals (bad JSON, body too large) over as HttpExceptions.
    const status = error.getStatus();
    const code =
      CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
    const { detail, field } = frameworkDetail(
      { statusCode: status, code: 'FST_ERR_CTP', message: error.message },
      status,
    );
    const errors = field ? [{ field, message: detail }] : undefined;
    return {
      problem: problemOf(code, httpStatusOf(code), detail, requestId, errors),
      internal: status >= 500,
    };
  }
  const framework = error as FrameworkError;
  const refusal = requestRefusal(framework);
  if (refusal) {
    return {
      problem: problemOf(ErrorCode.VALIDATION_FAILED, 400, refusal.detail, requestId, [
        { field: refusal.field, message: refusal.detail },
      ]),
      internal: false,
    };
  }
  if (
    typeof framework?.statusCode === 'number' &&
    framework.statusCode >= 400 &&
    framework.statusCode < 500
  ) {
    const status = framework.statusCode;
    const code = CODE_BY_STATUS[status] ?? ErrorCode.VALIDATION_FAILED;
    const { detail, field } = frameworkDetail(framework, status);
    const errors = field ? [{ field, message: detail }] : undefined;
    return {
      problem: problemOf(code, httpStatusOf(code), detail, requestId, errors),
      internal: false,
    };
  }
  return {
    problem: problemOf(
      ErrorCode.INTERNAL,
      500,
      'Something went wrong on our side; it has been logged',
      requestId,
    ),
    internal: true,
  };
}
