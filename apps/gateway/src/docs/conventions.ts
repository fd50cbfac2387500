import {
  HeaderObject,
  OpenAPIObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { LOCALES } from '@app/contracts';
import { problemResponse } from './api-problems.decorator';
import { RouteDeclaration } from './route-declarations';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** The headers and parameters of API.md "Conventions", described once and referred to. */
const HEADERS: Record<string, HeaderObject> = {
  RequestId: {
    description:
      "This request's id, in every log line about it: the client's own X-Request-Id when it " +
      'sent a sane one (1 to 200 of A-Z a-z 0-9 . _ : @ / + = -), else a new UUID. A problem ' +
      'repeats it as requestId.',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  ContentLanguage: {
    description:
      'The language of problem titles, details and field messages, and of tier and category ' +
      'names: the one Accept-Language asked for, else the default (DEFAULT_LOCALE)',
    required: true,
    schema: { type: 'string', enum: [...LOCALES] },
  },
  TraceResponse: {
    description:
      "The trace this request belongs to, as `00-<trace id>-<the gateway's span id>-<flags>` " +
      "(W3C Trace Context's traceresponse): the client's own trace when it sent a valid " +
      'traceparent, else a new one. Every log line about the request names the trace id.',
    required: true,
    schema: { type: 'string', pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
};

const PARAMETERS: Record<string, ParameterObject> = {
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description:
      `The language of problem texts and of tier and category names: ${LOCALES.join(' or ')} ` +
      '(any zh or en tag, with q-values); others give the default (DEFAULT_LOCALE, zh-CN)',
    schema: { type: 'string', example: 'zh-CN' },
  },
  RequestId: {
    name: 'X-Request-Id',
    in: 'header',
    required: false,
    description:
      'An id of your own for this request (1 to 200 of A-Z a-z 0-9 . _ : @ / + = -), echoed in ' +
      'the X-Request-Id of the answer; any other value is replaced by a new UUID',
    schema: { type: 'string' },
  },
  TraceParent: {
    name: 'traceparent',
    in: 'header',
    required: false,
    description:
      "W3C Trace Context: the caller's trace, which this request then joins (answered in " +
      'traceresponse); a malformed one is ignored and the request starts a new trace',
    schema: { type: 'string', example: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
  },
  TraceState: {
    name: 'tracestate',
    in: 'header',
    required: false,
    description: "W3C Trace Context: vendors' trace data, carried on with traceparent",
    schema: { type: 'string' },
  },
};

/**
 * The headers of one of the gateway's own rate limits, as @nestjs/throttler
 * names them after it: in components.headers, and how an answer refers to them.
 */
function rateLimitHeaders(
  limit: string,
  components: Record<string, HeaderObject | ReferenceObject>,
) {
  const integer: SchemaObject = { type: 'integer', minimum: 0 };
  const headers: Record<string, [string, HeaderObject]> = {
    [`X-RateLimit-Limit-${limit}`]: [
      `RateLimitLimit-${limit}`,
      { description: `How many calls the ${limit} limit allows in its window`, schema: integer },
    ],
    [`X-RateLimit-Remaining-${limit}`]: [
      `RateLimitRemaining-${limit}`,
      {
        description: `How many calls are left in the window of the ${limit} limit`,
        schema: integer,
      },
    ],
    [`X-RateLimit-Reset-${limit}`]: [
      `RateLimitReset-${limit}`,
      {
        description: `Seconds until the window of the ${limit} limit starts again`,
        schema: integer,
      },
    ],
    [`Retry-After-${limit}`]: [
      `RetryAfter-${limit}`,
      { description: `Seconds until the ${limit} limit lets calls through again`, schema: integer },
    ],
  };
  const counted: Record<string, ReferenceObject> = {};
  const refused: Record<string, ReferenceObject> = {};
  for (const [name, [key, header]] of Object.entries(headers)) {
    components[key] = header;
    (name.startsWith('Retry-After') ? refused : counted)[name] = ref('headers', key);
  }
  return { counted, refused };
}

const ref = (section: string, name: string): ReferenceObject => ({
  $ref: `#/components/${section}/${name}`,
});

function isReference(value: object): value is ReferenceObject {
  return '$ref' in value;
}

/**
 * Closes an object schema to fields it does not name, and every schema it
 * refers to: the API refuses unknown fields (400 naming them).
 */
function close(schema: SchemaObject | ReferenceObject, document: OpenAPIObject): void {
  const target = isReference(schema)
    ? (document.components?.schemas?.[schema.$ref.split('/').pop()!] as SchemaObject | undefined)
    : schema;
  if (!target || target.additionalProperties === false) return;
  if (target.properties) target.additionalProperties = false;
  const nested = [
    ...Object.values(target.properties ?? {}),
    ...(target.items ? [target.items] : []),
    ...(target.allOf ?? []),
    ...(target.oneOf ?? []),
    ...(target.anyOf ?? []),
  ];
  for (const schemaOrRef of nested) close(schemaOrRef, document);
}

function requiresSomething(schema: SchemaObject | ReferenceObject, document: OpenAPIObject) {
  const target = isReference(schema)
    ? (document.components?.schemas?.[schema.$ref.split('/').pop()!] as SchemaObject | undefined)
    : schema;
  return (target?.required?.length ?? 0) > 0;
}

/**
 * What holds for every route (API.md "Conventions"), added to what Swagger
 * read from the decorators, so no route can leave it out:
 * - every answer carries X-Request-Id, traceresponse and Content-Language; a 429 and a 503
 *   Retry-After;
 *   a route under the gateway's own rate limit its X-RateLimit-* headers;
 * - every route may answer 400 (a malformed request), 503 and 504 (a service
 *   down or late); one with a body 413 and 415, and its body has no other
 *   fields than those named, and may be left out when none is required;
 * - a public route needs no token (`security: []`);
 * - Accept-Language, X-Request-Id and traceparent/tracestate may be sent to any route.
 */
export function withConventions(
  document: OpenAPIObject,
  declarations: Map<string, RouteDeclaration>,
): OpenAPIObject {
  const components = (document.components ??= {});
  components.headers = { ...components.headers, ...HEADERS };
  components.parameters = { ...components.parameters, ...PARAMETERS };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const declaration = declarations.get(operation.operationId ?? '');
      if (!declaration) throw new Error(`no route declares operation ${operation.operationId}`);
      if (declaration.public) operation.security = [];
      else if (!operation.security?.length) {
        throw new Error(`${operation.operationId} needs a token but documents no security`);
      }
      operation.parameters = [
        ...(operation.parameters ?? []),
        ref('parameters', 'AcceptLanguage'),
        ref('parameters', 'RequestId'),
        ref('parameters', 'TraceParent'),
        ref('parameters', 'TraceState'),
      ];

      const responses = operation.responses as Record<string, ResponseObject>;
      const add = (status: number) => (responses[status] ??= problemResponse(status));
      add(400);
      const body = operation.requestBody as RequestBodyObject | undefined;
      const bodySchema = body?.content['application/json']?.schema;
      if (body && bodySchema) {
        add(413);
        add(415);
        close(bodySchema, document);
        body.required = requiresSomething(bodySchema, document);
      }
      if (declaration.rateLimits.length > 0) add(429);
      // GET /health answers its own 503 (which services are down), and never waits for one.
      const unavailableByConvention = !responses[503];
      if (unavailableByConvention) {
        add(503);
        add(504);
      }

      const limits = declaration.rateLimits.map((limit) =>
        rateLimitHeaders(limit, components.headers!),
      );
      for (const [status, response] of Object.entries(responses)) {
        // Bodies too large or of another type are refused before any limit counts the call.
        const counted = status !== '413' && status !== '415';
        response.headers = {
          'X-Request-Id': ref('headers', 'RequestId'),
          traceresponse: ref('headers', 'TraceResponse'),
          'Content-Language': ref('headers', 'ContentLanguage'),
          ...(status === '429' || (status === '503' && unavailableByConvention)
            ? { 'Retry-After': ref('headers', 'RetryAfter') }
            : {}),
          ...Object.assign({}, ...limits.map((limit) => (counted ? limit.counted : {}))),
          ...Object.assign({}, ...limits.map((limit) => (status === '429' ? limit.refused : {}))),
          ...response.headers,
        } as Record<string, HeaderObject | ReferenceObject>;
      }
      operation.responses = Object.fromEntries(
        Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  return document;
}
