/**
 * The seed's only way into the suite: the public HTTP API. Every call names
 * the status it expects and stops the seed with a clear message otherwise.
 */

export class SeedError extends Error {}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as the Idempotency-Key header (routes that move credits). */
  key?: string;
  /** The status that means success (default 200, or 201 for POST). */
  expect?: number | number[];
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** What went wrong, with a hint when the answer says more than its code. */
function explain(status: number, body: unknown): string {
  const problem = (body ?? {}) as {
    code?: string;
    detail?: string;
    errors?: Array<{ field: string; message: string }>;
  };
  const fields = problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  const text = typeof body === 'string' ? body.slice(0, 200) : '';
  let line = `${status} ${problem.code ?? ''} ${problem.detail ?? text}${fields ? ` (${fields})` : ''}`;
  if (status === 429) {
    line +=
      '\n  The gateway limits sign-ups per address (AUTH_LIMIT_PER_ADDRESS, default 100 per 15 minutes),' +
      '\n  the volunteers service failed sign-ins (SIGN_IN_FAILURES_PER_ADDRESS and the others in the README).' +
      '\n  Wait for the window to pass, or restart the suite with AUTH_LIMIT_PER_ADDRESS=1000.';
  }
  if (status === 503 || status === 504) {
    line += '\n  A service behind the gateway is down or slow: check the `npm start` output.';
  }
  return line.replace(/\s+\n/g, '\n').trim();
}

export class Api {
  /** Calls made, for the summary. */
  calls = 0;

  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(
    method: Method,
    path: string,
    what: string,
    options: CallOptions = {},
  ): Promise<T> {
    const expected = options.expect ?? (method === 'POST' ? 201 : 200);
    const answer = await this.send<T>(method, path, options);
    const ok = Array.isArray(expected) ? expected : [expected];
    if (!ok.includes(answer.status)) {
      throw new SeedError(
        `${what}: ${method} ${path} answered ${explain(answer.status, answer.body)}`,
      );
    }
    return answer.body;
  }

  /** One HTTP call; the status is the caller's to judge. */
  async send<T = unknown>(
    method: Method,
    path: string,
    options: CallOptions = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    this.calls += 1;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      const down = /ECONNREFUSED|ENOTFOUND|ECONNRESET|EHOSTUNREACH|timeout|abort/i.test(cause);
      throw new SeedError(
        `${method} ${this.baseUrl}${path} failed (${cause}).` +
          (down
            ? '\n  Is the suite running? Start it with `npm start` in another terminal, ' +
              'or point SEED_URL at its /api/v1.'
            : ''),
      );
    }
    const text = await res.text();
    let body: unknown = text === '' ? null : text;
    if (text !== '' && /json/i.test(res.headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text for the message
      }
    }
    return { status: res.status, body: body as T };
  }
}

/** Runs `fn` over `items`, at most `size` at a time, keeping the order of the results. */
export async function inPool<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (next < items.length && failed === null) {
      const index = next;
      next += 1;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  if (failed !== null) throw failed as Error;
  return results;
}

/** Polls `check` until it returns a value (not undefined), or throws after `ms`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new SeedError(`${what}: still not so after ${Math.round(ms / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
