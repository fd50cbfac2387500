/**
 * Request generators and response rules for the fuzz suite: every operation
 * of the served OpenAPI document becomes a fast-check arbitrary of hostile
 * requests, built from its parameters and request body schema.
 */
import fc from 'fast-check';

/* ------------------------------------------------------------------ OpenAPI */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzOperation {
  method: string;
  /** The templated path, e.g. /api/v1/members/{id}. */
  path: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  queryParams: Array<{ name: string; schema: Schema }>;
  headerParams: Array<{ name: string; schema: Schema }>;
  body: Schema | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, with $refs resolved (cycles cut). */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const resolve = (schema: Schema | undefined, seen: string[] = []): Schema => {
    if (!schema) return {};
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.includes(name)) return { type: 'object' };
      return resolve(doc.components?.schemas?.[name], [...seen, name]);
    }
    const out: Schema = { ...schema };
    if (schema.items) out.items = resolve(schema.items, seen);
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, seen)]),
      );
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      if (schema[key]) out[key] = schema[key].map((s) => resolve(s, seen));
    }
    return out;
  };
  const ops: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        schema: resolve(p.schema),
      }));
      const content = op.requestBody?.content ?? {};
      const media = content['application/json'] ?? Object.values(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        body: media ? resolve(media.schema) : null,
      });
    }
  }
  return ops;
}

/* --------------------------------------------------------------- the world */

/** Real ids from the fixtures, so generated requests reach past "not found". */
export interface IdPools {
  /** Keyed by a collection name as it appears in paths (members, communities …). */
  [collection: string]: string[];
}

/** Pick the pool of ids that fits a path segment or a field name. */
export function poolFor(pools: IdPools, hint: string): string[] {
  const h = hint.toLowerCase();
  const matches = Object.keys(pools).filter((k) => {
    const singular = k.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
    return h === k.toLowerCase() || h.includes(singular);
  });
  if (h.includes('member') || h.includes('volunteer')) matches.push('members');
  const ids = matches.flatMap((k) => pools[k] ?? []);
  return ids.length > 0 ? ids : Object.values(pools).flat();
}

/* ------------------------------------------------------------- raw JSON text */

/** A JSON token written as is (numbers JSON.stringify cannot produce: 1e400, -0, 2^64). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify with RawJson tokens; objects are made without a prototype, so `__proto__` is a plain key. */
export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function record(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/* ------------------------------------------------------------ hostile values */

const HOSTILE_FRAGMENTS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '😀👨‍👩‍👧',
  '青山社区王小明',
  '\u202e\u200b\ufeff',
  "'",
  '"',
  '\\',
  "' OR '1'='1",
  "'; DROP TABLE members; --",
  '1; SELECT pg_sleep(0)',
  '%',
  '_',
  '%_%\\%',
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  'true',
  '1e400',
  '-1',
  '0',
  '0x1F',
  '1.5',
  ' 42 ',
  '__proto__',
  'constructor',
  'prototype',
  '{}',
  '[]',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\r\n\t',
  '0000-00-00',
  '2026-02-30',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
];

const LONG_LENGTHS = [101, 201, 255, 1001, 2001, 4001, 10_001, 70_000];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...LONG_LENGTHS), fc.constantFrom('x', 'é', '青', '😀', '\u0000'))
      .map(([n, c]) => c.repeat(n)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.constantFrom(...HOSTILE_FRAGMENTS))
      .map(([a, b]) => `ok${a}ok${b}`),
  },
);

const HOSTILE_NUMBERS = [
  '1e400',
  '-1e400',
  '9007199254740993',
  '99999999999999999999999',
  '-99999999999999999999999',
  '-0',
  '0',
  '-1',
  '0.5',
  '1.0000000001',
  '1e-7',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '1.7976931348623157e308',
  '5e-324',
  '1E2',
];

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS).map((t) => new RawJson(t)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

function deeplyNested(leaf: unknown): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 2, max: 40 }), fc.boolean()).map(([depth, asArray]) => {
    let v = leaf;
    for (let i = 0; i < depth; i++) v = asArray ? [v] : record([['a', v]]);
    return v;
  });
}

/** Anything but the value a field wants. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: hostileString },
  { weight: 4, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constant(record([])) },
  { weight: 2, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...PROTO_KEYS), fc.constantFrom<unknown>(record([['admin', true]]), 1))
      .map(([k, v]) => record([[k, v]])),
  },
  { weight: 1, arbitrary: deeplyNested('x') },
  {
    weight: 1,
    arbitrary: fc.constant(new RawJson('[' + '{"a":'.repeat(30) + '1' + '}'.repeat(30) + ']')),
  },
);

/* -------------------------------------------------------- values of a schema */

function isoDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

function isoTime(hoursFromNow: number): string {
  return new Date(Date.now() + hoursFromNow * 3_600_000).toISOString();
}

function validString(schema: Schema, name: string, pools: IdPools): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.format === 'uuid') {
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...poolFor(pools, name)) }, fc.uuid());
  }
  if (schema.format === 'date') return fc.integer({ min: -40, max: 3 }).map(isoDate);
  if (schema.format === 'date-time') return fc.integer({ min: -48, max: 24 * 60 }).map(isoTime);
  const n = name.toLowerCase();
  if (n.includes('email')) return fc.uuid().map((u) => `fuzz-${u.slice(0, 13)}@example.cn`);
  if (n.includes('phone'))
    return fc
      .integer({ min: 0, max: 99_999_999 })
      .map((d) => `+86139${String(d).padStart(8, '0')}`);
  if (n.includes('password')) return fc.constant('correct-horse-battery');
  const min = schema.minLength ?? 1;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
  return fc.oneof(
    fc
      .constantFrom('帮忙买菜', 'Fix the tap', '陪老人聊天', 'G1', 'ok')
      .filter((s) => s.length >= min && s.length <= max),
    fc.string({ minLength: min, maxLength: max }),
  );
}

function validNumber(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? 0;
  const max = Math.min(schema.maximum ?? min + 600, min + 600);
  return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
}

/**
 * Values of a schema: mostly valid ones (`hostility` 0) or, field by field,
 * hostile ones with the given weight against 4 valid.
 */
export function valueOf(
  schema: Schema,
  pools: IdPools,
  hostility: number,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const valid = validValueOf(schema, pools, hostility, name, depth);
  if (hostility === 0) return valid;
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: hostility, arbitrary: hostileValue });
}

function validValueOf(
  schema: Schema,
  pools: IdPools,
  hostility: number,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => valueOf(s, pools, hostility, name, depth)));
  }
  if (schema.allOf && schema.allOf.length > 0) {
    return valueOf(Object.assign({}, ...schema.allOf) as Schema, pools, hostility, name, depth);
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return validString(schema, name, pools);
    case 'number':
    case 'integer':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = schema.items ?? { type: 'string' };
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(valueOf(item, pools, hostility, name, depth + 1), { minLength, maxLength });
    }
    case 'object':
    default:
      if (!schema.properties) return fc.constant(record([]));
      return objectOf(schema, pools, hostility, depth);
  }
}

function objectOf(
  schema: Schema,
  pools: IdPools,
  hostility: number,
  depth: number,
): fc.Arbitrary<unknown> {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, s]) =>
    fc
      .option(valueOf(s, pools, hostility, name, depth + 1), {
        nil: undefined,
        freq: required.has(name) ? (hostility === 0 ? 1000 : 15) : 2,
      })
      .map((v) => [name, v] as [string, unknown]),
  );
  const extras =
    hostility === 0
      ? fc.constant<Array<[string, unknown]>>([])
      : fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...PROTO_KEYS, 'id', 'role', 'admin', 'balanceMinutes', 'status'),
              fc.string({ maxLength: 12 }),
            ),
            hostileValue,
          ),
          { maxLength: 2 },
        );
  return fc
    .tuple(
      fc.tuple(...fields),
      fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extras }),
    )
    .map(([fs, xs]) => record([...fs.filter(([, v]) => v !== undefined), ...xs]));
}

/* ------------------------------------------------------------ raw bodies */

const RAW_BODIES = [
  '',
  '{',
  '{"a":}',
  "{'a':1}",
  'null',
  '[]',
  '[{}]',
  '"x"',
  '1',
  'true',
  '{}garbage',
  '{"a":1}{"b":2}',
  '\u0000',
  '\ufeff{}',
  '{"minutes":NaN}',
  '{"minutes":Infinity}',
  '{"__proto__":{"admin":true,"roles":["admin"]}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"minutes":1,"minutes":"x"}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x00"}',
];

/** A few bodies nested far deeper than any parser should follow, and one over the size limit. */
export const HUGE_BODIES = [
  '['.repeat(20_000) + ']'.repeat(20_000),
  '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
  '['.repeat(64) + ']'.repeat(64),
  JSON.stringify({ title: 'x'.repeat(1_100_000) }),
];

/* ------------------------------------------------------------- requests */

export interface FuzzRequest {
  actor: string;
  method: string;
  /** The operation's templated path. */
  operation: string;
  /** Path and query as sent, relative to the server's origin. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Percent-encodes anything, lone surrogates included (as the UTF-8 bytes of their code unit). */
export function encodeAny(s: string): string {
  let out = '';
  for (const ch of s) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out += `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
    }
  }
  return out;
}

const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  ';',
  '*',
  '~',
];

function pathValue(
  op: FuzzOperation,
  name: string,
  schema: Schema,
  pools: IdPools,
): fc.Arbitrary<string> {
  const before = op.path.split(`{${name}}`)[0].split('/').filter(Boolean).pop() ?? name;
  const real = schema.format === 'uuid' ? poolFor(pools, before) : (pools[name] ?? []);
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString.map(encodeAny) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(101, 2000, 5000).map((n) => 'a'.repeat(n)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.uuid(), fc.nat(4))
        .map(([u, i]) => [u.toUpperCase(), `%20${u}`, `${u}x`, u.slice(1), `%7B${u}%7D`][i]),
    },
  ];
  if (real.length > 0) arbs.push({ weight: 16, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...arbs);
}

function queryString(op: FuzzOperation, pools: IdPools, cursors: string[]): fc.Arbitrary<string> {
  const param = (name: string, schema: Schema): fc.Arbitrary<string[]> => {
    const valid =
      name === 'cursor'
        ? fc.constantFrom(...cursors)
        : valueOf(schema, pools, 0, name).map((v) => String(v));
    const value = fc.oneof(
      { weight: 8, arbitrary: valid.map(encodeAny) },
      { weight: 2, arbitrary: hostileString.map(encodeAny) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%ED%A0%80', '') },
    );
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant<string[]>([]) },
      { weight: 8, arbitrary: value.map((v) => [`${name}=${v}`]) },
      {
        weight: 1,
        arbitrary: fc.tuple(value, value).map(([a, b]) => [`${name}=${a}`, `${name}=${b}`]),
      },
      { weight: 1, arbitrary: value.map((v) => [`${name}[]=${v}`, `${name}[__proto__]=${v}`]) },
      { weight: 1, arbitrary: fc.constant<string[]>([name]) },
    );
  };
  const known = op.queryParams.map((p) => param(p.name, p.schema));
  const unknown = fc.oneof(
    { weight: 8, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: hostileString.map((v) => [`__proto__=${encodeAny(v)}`]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 10 }), hostileString)
        .map(([k, v]) => [`${encodeAny(k)}=${encodeAny(v)}`]),
    },
  );
  return fc.tuple(fc.tuple(...known), unknown).map(([ks, us]) => {
    const parts = [...ks.flat(), ...us];
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

/** Header values a client can send at all (no NUL, CR or LF; Latin-1). */
const idempotencyKey: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', 'é', '"', "'; --", '%00', '__proto__') },
  { weight: 1, arbitrary: fc.constantFrom(200, 201, 1000, 8000, 20_000).map((n) => 'k'.repeat(n)) },
);

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/xml',
  'application/problem+json',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/vnd.api+json',
  '*/*',
  'application/json; boundary=\u00e9',
];

/** The paths to every field of a schema (`discount.value`, `gridUnits.0.code`), a few levels down. */
function fieldPaths(schema: Schema, depth = 0): string[][] {
  if (depth > 3) return [];
  if (schema.type === 'array' && schema.items) {
    return [['0'], ...fieldPaths(schema.items, depth + 1).map((p) => ['0', ...p])];
  }
  return Object.entries(schema.properties ?? {}).flatMap(([name, s]) => [
    [name],
    ...fieldPaths(s, depth + 1).map((p) => [name, ...p]),
  ]);
}

/** A copy of `value` with the field at `path` set to `replacement` (made where missing). */
function withField(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = withField(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = record(Object.entries(value !== null && typeof value === 'object' ? value : {}));
  copy[head] = withField(copy[head], rest, replacement);
  return copy;
}

function bodyOf(
  op: FuzzOperation,
  pools: IdPools,
): fc.Arbitrary<{ body?: string; contentType?: string }> {
  const schema = op.body ?? { type: 'object', properties: {} };
  const json = (hostility: number) =>
    valueOf(schema, pools, hostility).map((v) => ({
      body: toJson(v),
      contentType: 'application/json',
    }));
  const paths = fieldPaths(schema);
  // A valid body but for one field: the likeliest way past validation into the services.
  const oneBadField =
    paths.length === 0
      ? json(2)
      : fc
          .tuple(
            valueOf(schema, pools, 0),
            fc.constantFrom(...paths),
            fc.oneof(
              { weight: 1, arbitrary: fc.constant(null) },
              { weight: 2, arbitrary: hostileValue },
            ),
          )
          .map(([v, path, bad]) => ({
            body: toJson(withField(v, path, bad)),
            contentType: 'application/json',
          }));
  const options: Array<fc.WeightedArbitrary<{ body?: string; contentType?: string }>> = [
    { weight: op.body ? 4 : 1, arbitrary: json(0) },
    { weight: op.body ? 8 : 1, arbitrary: oneBadField },
    { weight: op.body ? 4 : 1, arbitrary: json(2) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(hostileValue, fc.constantFrom('application/json', undefined))
        .map(([v, ct]) => ({ body: toJson(v), contentType: ct })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...RAW_BODIES)
        .map((b) => ({ body: b, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(json(0), fc.constantFrom(...CONTENT_TYPES))
        .map(([b, contentType]) => ({ body: b.body, contentType })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  ];
  return fc.oneof(...options);
}

/** How often an operation is drawn: those with a body and ids to get wrong more than a bare GET. */
export function weightOf(op: FuzzOperation): number {
  return 1 + (op.body ? 2 : 0) + op.pathParams.length + (op.queryParams.length > 0 ? 1 : 0);
}

/** Generated requests for one operation, signed as one of the actors. */
export function requestsFor(
  op: FuzzOperation,
  actors: string[],
  pools: IdPools,
  cursors: string[],
): fc.Arbitrary<FuzzRequest> {
  const path = fc.tuple(...op.pathParams.map((p) => pathValue(op, p.name, p.schema, pools)));
  const sendsBody = op.method !== 'GET' && op.method !== 'HEAD';
  const body = sendsBody
    ? bodyOf(op, pools)
    : fc.constant<{ body?: string; contentType?: string }>({});
  const key = op.headerParams.some((h) => h.name.toLowerCase() === 'idempotency-key')
    ? idempotencyKey
    : fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: idempotencyKey },
      );
  // Mostly signed in, so requests get past authentication into validation and the services.
  const actor = fc.oneof(
    ...actors.map((a) => ({
      weight: a === 'anonymous' || a === 'forged' ? 1 : 3,
      arbitrary: fc.constant(a),
    })),
  );
  return fc
    .record({
      actor,
      path,
      query: queryString(op, pools, cursors),
      body,
      key,
      huge: fc.oneof(
        { weight: 150, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...HUGE_BODIES) },
      ),
    })
    .map(({ actor, path: values, query, body: b, key: k, huge }) => {
      let url = op.path;
      op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, values[i])));
      const headers: Record<string, string> = { accept: 'application/json' };
      if (k !== undefined) headers['idempotency-key'] = k;
      let sent = b.body;
      let contentType = b.contentType;
      if (sendsBody && huge !== null) {
        sent = huge;
        contentType = 'application/json';
      }
      if (contentType !== undefined && sent !== undefined) headers['content-type'] = contentType;
      return {
        actor,
        method: op.method,
        operation: `${op.method} ${op.path}`,
        url: url + query,
        headers,
        body: sent,
      };
    });
}

/* ---------------------------------------------------------------- the rules */

export interface FuzzResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const LEAKS: Array<[string, RegExp]> = [
  ['a stack trace', /\n\s+at | {4}at |\.ts:\d|\.js:\d|node_modules/],
  [
    'SQL text',
    /SELECT |INSERT INTO|UPDATE .* SET |violates|syntax error at|relation "|QueryFailedError|invalid input syntax|out of range for type/i,
  ],
  ['a password hash', /\$argon2/],
  [
    'an internal field',
    /passwordHash|password_hash|refreshTokenHash|refresh_token_hash|tokenHash|token_hash|requestHash|request_hash/,
  ],
];

/** What is wrong with one answer, if anything (empty: nothing). */
export function violationsOf(req: FuzzRequest, res: FuzzResponse): string[] {
  const out: string[] = [];
  if (res.status >= 500) out.push(`a ${res.status}`);
  if (!res.headers['x-request-id']) out.push('no X-Request-Id header');
  if (res.status >= 400 && res.status < 500) {
    if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) {
      out.push(
        `a ${res.status} that is not problem+json (${res.headers['content-type'] ?? 'no content-type'})`,
      );
    } else {
      let problem: Record<string, unknown> | null = null;
      try {
        problem = JSON.parse(res.text) as Record<string, unknown>;
      } catch {
        out.push('a problem that is not JSON');
      }
      if (problem) {
        if (typeof problem.code !== 'string') out.push('a problem without a code');
        if (typeof problem.requestId !== 'string') out.push('a problem without a requestId');
      }
    }
  }
  // Text the client sent may come back (a stored title, a named field): only what it did not send is a leak.
  const sent = `${req.url}\n${safeDecode(req.url)}\n${JSON.stringify(req.headers)}\n${req.body ?? ''}`;
  for (const [what, pattern] of LEAKS) {
    const found = pattern.exec(res.text);
    if (found && !(res.status < 300 && what === 'SQL text') && !sent.includes(found[0])) {
      out.push(`${what} in the body (${JSON.stringify(found[0])})`);
    }
  }
  return out;
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

/** One line per request and answer, short enough to read, exact enough to replay. */
export function describe(req: FuzzRequest, res: FuzzResponse | Error): string {
  const clip = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  const request = `${req.method} ${clip(req.url, 300)} as ${req.actor} headers=${clip(JSON.stringify(req.headers), 300)} body=${req.body === undefined ? '(none)' : clip(JSON.stringify(req.body), 600)}`;
  // Not `instanceof Error`: fetch's errors come from outside Jest's sandbox, another realm.
  if (!('status' in res)) return `${request}\n    -> no answer: ${res.message}`;
  return `${request}\n    -> ${res.status} ${res.headers['content-type'] ?? ''} ${clip(res.text, 600)}`;
}
