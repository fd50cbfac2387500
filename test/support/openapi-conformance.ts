/**
 * Checks real answers against the gateway's OpenAPI document: for each
 * request the e2e helper sent (see onExchange in http.ts), the operation it
 * reached, then whether the status is documented, the content type is the
 * documented one, the body matches the schema and the documented headers are
 * there with their documented values. A request the API accepted (2xx) must be
 * one the document accepts too. Response schemas are checked strictly: a
 * field the document does not name is a mismatch, so the document cannot
 * leave out what the API sends.
 */
import OpenAPIBackend, { Document } from 'openapi-backend';
import type { Exchange } from './http';

export interface Violation {
  /** `POST /api/v1/requests (RequestsController_create)` */
  operation: string;
  /** `POST /api/v1/requests/…/accept → 409` */
  call: string;
  kind: 'status' | 'content-type' | 'body' | 'headers' | 'request';
  detail: string;
}

type Json = Record<string, any>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** The formats the document uses, checked (Ajv alone would ignore them). */
const FORMATS: Record<string, (value: string) => boolean> = {
  uuid: (value) => UUID.test(value),
  date: (value) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
  'date-time': (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every schema object under `node` (inline ones too), each once. */
function eachSchema(node: unknown, visit: (schema: Json) => void, seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (!Array.isArray(node) && ('properties' in node || 'type' in node || 'allOf' in node)) {
    visit(node);
  }
  for (const value of Object.values(node)) eachSchema(value, visit, seen);
}

/**
 * The document as the checker reads it: objects closed to undocumented fields,
 * `nullable` spelled so Ajv reads it, and each
 * response's one media type under application/json (the only one
 * openapi-backend validates), the documented media type kept aside.
 */
function forChecking(document: Json): { checked: Json; mediaTypes: Map<string, string | null> } {
  const checked = structuredClone(document);
  eachSchema(checked.components?.schemas, (schema) => {
    if (schema.properties && schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
    }
  });
  // `nullable` makes the whole schema nullable (as openapi-typescript reads it), not only its
  // `type`: Ajv alone would still refuse a null through `enum` or an `allOf` reference.
  eachSchema(checked, (schema) => {
    if (schema.nullable === true) {
      const { nullable: _nullable, ...rest } = schema;
      for (const key of Object.keys(schema)) delete schema[key];
      schema.anyOf = [rest, { type: 'null' }];
    }
  });
  const mediaTypes = new Map<string, string | null>();
  for (const operation of operationsOf(checked)) {
    for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) {
      const types = Object.keys(response.content ?? {});
      if (types.length > 1)
        throw new Error(`${operation.operationId} ${status}: one media type only`);
      mediaTypes.set(`${operation.operationId} ${status}`, types[0] ?? null);
      if (types[0]) response.content = { 'application/json': response.content[types[0]] };
    }
  }
  return { checked, mediaTypes };
}

function operationsOf(document: Json): Json[] {
  return Object.values<Json>(document.paths ?? {}).flatMap((item) =>
    METHODS.filter((method) => item[method]).map((method) => item[method] as Json),
  );
}

function describeErrors(
  errors: Array<{ instancePath?: string; message?: string; params?: unknown }>,
) {
  return errors
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('; ');
}

export class OpenApiConformance {
  /** operationId → `METHOD /path` of every documented operation. */
  readonly documented = new Map<string, string>();
  /** operationId → its documented statuses. */
  private readonly statuses = new Map<string, number[]>();
  /** operationId → the statuses seen. */
  readonly seen = new Map<string, Set<number>>();

  private constructor(
    private readonly backend: OpenAPIBackend,
    private readonly mediaTypes: Map<string, string | null>,
    document: Json,
  ) {
    for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
      for (const method of METHODS.filter((m) => item[m])) {
        this.documented.set(item[method].operationId, `${method.toUpperCase()} ${path}`);
        this.statuses.set(
          item[method].operationId,
          Object.keys(item[method].responses).map(Number),
        );
      }
    }
  }

  static async of(document: Json): Promise<OpenApiConformance> {
    const { checked, mediaTypes } = forChecking(document);
    const backend = new OpenAPIBackend({
      definition: checked as Document,
      strict: true,
      validate: true,
      customizeAjv: (ajv) => {
        for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, validate);
        return ajv;
      },
    });
    await backend.init();
    return new OpenApiConformance(backend, mediaTypes, document);
  }

  /** The mismatches of one exchange; none for a path the document does not cover (/api/docs…). */
  check(exchange: Exchange): Violation[] {
    const url = new URL(exchange.url);
    const query = Object.fromEntries(url.searchParams);
    const request = {
      method: exchange.method,
      path: url.pathname,
      headers: exchange.requestHeaders,
      query,
      body: exchange.requestBody === undefined ? undefined : safeJson(exchange.requestBody),
    };
    const operation = this.backend.matchOperation(request);
    if (!operation) return [];
    const id = operation.operationId!;
    const status = exchange.status;
    if (!this.seen.has(id)) this.seen.set(id, new Set());
    this.seen.get(id)!.add(status);
    const violation = (kind: Violation['kind'], detail: string): Violation => ({
      operation: `${this.documented.get(id)} (${id})`,
      call: `${exchange.method} ${url.pathname}${url.search} → ${status}`,
      kind,
      detail,
    });
    const responses = operation.responses ?? {};
    if (!(String(status) in responses)) {
      const documentedStatuses = Object.keys(responses).join(', ');
      return [
        violation(
          'status',
          `${status} is not documented (${documentedStatuses}): ${exchange.responseText.slice(0, 300)}`,
        ),
      ];
    }
    const found: Violation[] = [];
    const mediaType = this.mediaTypes.get(`${id} ${status}`) ?? null;
    const contentType = (exchange.headers['content-type'] ?? '').split(';')[0].trim() || null;
    if (contentType !== mediaType) {
      found.push(violation('content-type', `${contentType} where the document says ${mediaType}`));
    }
    const body = exchange.responseText === '' ? null : safeJson(exchange.responseText);
    const bodyResult = this.backend.validateResponse(body, operation, status);
    if (bodyResult.errors) found.push(violation('body', describeErrors(bodyResult.errors)));
    const headerResult = this.backend.validateResponseHeaders(exchange.headers, operation, {
      statusCode: status,
      setMatchType: 'any' as never,
    });
    if (headerResult.errors) found.push(violation('headers', describeErrors(headerResult.errors)));
    // The operation is dereferenced: each header is its object, `required` included.
    const declared = (responses[String(status)] as Json).headers ?? {};
    for (const [name, header] of Object.entries<Json>(declared)) {
      if (header.required === true && exchange.headers[name.toLowerCase()] === undefined) {
        found.push(violation('headers', `${name} is required and missing`));
      }
    }
    if (status >= 200 && status < 300) {
      const requestResult = this.backend.validateRequest(request, operation);
      if (requestResult.errors) {
        found.push(
          violation('request', `accepted but not valid: ${describeErrors(requestResult.errors)}`),
        );
      }
    }
    return found;
  }

  /** How many documented answers (an operation and a status) no exchange gave, by status. */
  unseenAnswers(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const [id, statuses] of this.statuses) {
      for (const status of statuses.filter((s) => !this.seen.get(id)?.has(s))) {
        counts.set(status, (counts.get(status) ?? 0) + 1);
      }
    }
    return new Map([...counts].sort(([a], [b]) => a - b));
  }

  /** Documented operations no exchange reached. */
  unseen(): string[] {
    return [...this.documented]
      .filter(([id]) => !this.seen.has(id))
      .map(([id, route]) => `${route} (${id})`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
