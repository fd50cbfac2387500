/**
 * What every bench does over HTTP outside its measured phase: one JSON call that
 * throws on a refusal, a sign-in, and calls run `parallel` at a time.
 */
import { randomSuffix } from './env';

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

/**
 * Signs in; a member given a first password (the bootstrap admin and staff in
 * production must change it) changes it to another random one first.
 */
export async function signIn(baseUrl: string, member: { login: string; password: string }) {
  const first = await http<{ accessToken: string; member: { mustChangePassword?: boolean } }>(
    baseUrl,
    'POST',
    '/auth/login',
    member,
  );
  if (!first.member.mustChangePassword) return first.accessToken;
  const newPassword = `bench-${randomSuffix()}-${randomSuffix()}`;
  await http(
    baseUrl,
    'POST',
    '/me/password',
    { currentPassword: member.password, newPassword },
    first.accessToken,
  );
  member.password = newPassword;
  return (await http<{ accessToken: string }>(baseUrl, 'POST', '/auth/login', member)).accessToken;
}
