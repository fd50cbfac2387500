/**
 * What every bench does over HTTP outside its measured phase: one JSON call that
 * throws on a refusal, and calls run `parallel` at a time.
 */

/** A JSON call to the suite; a refusal throws with its status and the start of its body. */
export async function http<T>(
  baseUrl: string,
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** `count` calls of `fn`, `parallel` at a time. */
export async function inParallel(
  count: number,
  parallel: number,
  fn: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}
