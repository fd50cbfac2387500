import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError, httpStatusOf } from '@app/common';
import { formatMessage, Locale, MessageKey } from '@app/contracts';
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
const REQUEST_REFUSALS: Record<string, Refusal> = {
  FST_ERR_MAX_PARAM_LENGTH: { detail: 'http.pathSegmentTooLong', field: 'path' },
  FST_ERR_BAD_URL: { detail: 'http.badUrl', field: 'path' },
  HPE_HEADER_OVERFLOW: { detail: 'http.headersTooLarge', field: 'headers' },
  ERR_HTTP_REQUEST_TIMEOUT: { detail: 'http.requestTimeout', field: 'request' },
};

/** A refusal of the framework's: the key of its detail, and the field it names (also said with that key). */
interface Refusal {
  detail: MessageKey;
  field?: string;
}

/** What Node's HTTP parser refuses (`HPE_…`): a request that is not well-formed HTTP. */
const NOT_HTTP: Refusal = { detail: 'http.notHttp', field: 'request' };

function requestRefusal(error: FrameworkError): Refusal | undefined {
  const code = typeof error?.code === 'string' ? error.code : '';
  return REQUEST_REFUSALS[code] ?? (code.startsWith('HPE_') ? NOT_HTTP : undefined);
}

function frameworkDetail(error: FrameworkError, status: number): Refusal {
  if (status === 413) return { detail: 'http.bodyTooLarge' };
  if (status === 415) return { detail: 'http.unsupportedMediaType' };
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return { detail: 'http.emptyJson', field: 'body' };
  if (status === 400 && error.code?.startsWith('FST_ERR_CTP')) {
    return { detail: 'http.badJson', field: 'body' };
  }
  if (status === 404) return { detail: 'http.noSuchRoute' };
  if (status === 429) return { detail: 'http.tooManyRequests' };
  return { detail: 'http.refused' };
}

/** A framework refusal as a problem: its detail, and its field error, in `locale`. */
function refusalProblem(
  code: ErrorCode,
  refusal: Refusal,
  requestId: string,
  locale: Locale,
): Problem {
  const detail = formatMessage(locale, refusal.detail);
  const errors: FieldError[] | undefined = refusal.field
    ? [{ field: refusal.field, message: detail }]
    : undefined;
  return problemOf(code, httpStatusOf(code), detail, requestId, locale, errors);
}

/** A domain error's detail in `locale`: by its key, else (no key yet) its own English text. */
function detailOf(error: DomainError, locale: Locale): string {
  return locale === 'en' || !error.messageKey
    ? error.message
    : formatMessage(locale, error.messageKey, error.params);
}

/** A service's word for why (`details.reason`), passed on when it is one: never free text. */
function reasonOf(error: DomainError): string | undefined {
  const reason = error.details?.reason;
  return typeof reason === 'string' && /^[a-z][a-z_]{0,40}$/.test(reason) ? reason : undefined;
}

/**
 * The one mapping from anything thrown while serving an HTTP request to the
 * problem response the client sees. `internal` is true when it was a fault of ours.
 */
export function toProblem(
  error: unknown,
  requestId: string,
  locale: Locale,
): { problem: Problem; internal: boolean } {
  if (error instanceof DomainError) {
    return {
      problem: problemOf(
        error.code,
        error.status,
        detailOf(error, locale),
        requestId,
        locale,
        error.details?.errors,
        reasonOf(error),
      ),
      internal: error.code === ErrorCode.INTERNAL,
    };
  }
  if (error instanceof HttpException) {
    // Nest hands Fastify's own refusals (bad JSON, body too large) over as HttpExceptions.
    const status = error.getStatus();
    const code =
      CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
    const refusal = frameworkDetail(
      { statusCode: status, code: 'FST_ERR_CTP', message: error.message },
      status,
    );
    return { problem: refusalProblem(code, refusal, requestId, locale), internal: status >= 500 };
  }
  const framework = error as FrameworkError;
  const refusal = requestRefusal(framework);
  if (refusal) {
    return {
      problem: refusalProblem(ErrorCode.VALIDATION_FAILED, refusal, requestId, locale),
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
    return {
      problem: refusalProblem(code, frameworkDetail(framework, status), requestId, locale),
      internal: false,
    };
  }
  return {
    problem: problemOf(
      ErrorCode.INTERNAL,
      500,
      formatMessage(locale, 'http.internal'),
      requestId,
      locale,
    ),
    internal: true,
  };
}
