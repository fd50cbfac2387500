/**
 * A small typed wrapper over Node's global fetch for the end-to-end suites.
 * Paths are relative to the suite's /api/v1 base (`api('GET', '/health')`).
 * With TB_RECORD_EXCHANGES=<file> every call is also appended to that file, one
 * JSON line each, for scripts/check-exchanges.ts to check against the API document.
 */
import { appendFileSync } from 'node:fs';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface ApiOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body` (malformed JSON, other content types). */
  rawBody?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
  /** Defaults to the shared suite's base URL (process.env.TB_BASE_URL). */
  baseUrl?: string;
}

export interface ApiResponse<T = any> {
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, the text otherwise, null when empty. */
  body: T;
}

/** One request and its answer as they crossed the wire, for whoever listens (see onExchange). */
export interface Exchange {
  method: HttpMethod;
  url: string;
  requestHeaders: Record<string, string>;
  /** The text sent, if any. */
  requestBody: string | undefined;
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The text received ('' when none). */
  responseText: string;
}

const listeners = new Set<(exchange: Exchange) => void>();

/** Bodies over the gateway's limit are refused unread (413): the recording leaves them out. */
const RECORDED_BODY_MAX = 1024 * 1024;

/** Hears every call made through `api` in this test file from now on; returns how to stop. */
export function onExchange(listener: (exchange: Exchange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sharedBaseUrl(): string {
  const url = process.env.TB_BASE_URL;
  if (!url) {
    throw new Error(
      'TB_BASE_URL is not set: run the e2e suites through jest (its global setup starts the suite)',
    );
  }
  return url;
}

export async function api<T = any>(
  method: HttpMethod,
  path: string,
  options: ApiOptions = {},
): Promise<ApiResponse<T>> {
  const url = /^https?:\/\//.test(path) ? path : `${options.baseUrl ?? sharedBaseUrl()}${path}`;
  // The gateway answers in zh-CN by default; the suites assert the English texts, so they
  // ask for English unless a test sets Accept-Language itself ('' sends none at all).
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': 'en',
    ...options.headers,
  };
  for (const name of Object.keys(headers)) {
    if (name !== 'accept-language' && name.toLowerCase() === 'accept-language') {
      headers['accept-language'] = headers[name];
      delete headers[name];
    }
  }
  if (headers['accept-language'] === '') delete headers['accept-language'];
  let payload: string | undefined;
  if (options.rawBody !== undefined) {
    payload = options.rawBody;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
  } else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  const res = await fetch(url, {
    method,
    headers,
    body: payload,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body: unknown = text === '' ? null : text;
  if (text !== '' && /json/i.test(res.headers.get('content-type') ?? '')) {
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text: the test will say what came back
    }
  }
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  const exchange: Exchange = {
    method,
    url,
    requestHeaders: headers,
    requestBody: payload,
    status: res.status,
    headers: out,
    responseText: text,
  };
  for (const listener of listeners) listener(exchange);
  if (process.env.TB_RECORD_EXCHANGES) {
    const requestBody =
      payload !== undefined && payload.length > RECORDED_BODY_MAX ? undefined : payload;
    appendFileSync(
      process.env.TB_RECORD_EXCHANGES,
      `${JSON.stringify({ ...exchange, requestBody })}\n`,
    );
  }
  return { status: res.status, headers: out, body: body as T };
}

/** An `api` bound to another suite's base URL (see startPrivateSuite). */
export function apiFor(baseUrl: string): typeof api {
  return (method, path, options = {}) => api(method, path, { baseUrl, ...options });
}

/** The body of an answer that must have this status; otherwise an error saying what came back. */
export function ok<T = any>(res: ApiResponse, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}
