/**
 * The one way pages talk to the API: typed by the gateway's OpenAPI document
 * (schema.d.ts, generated), answers in the member's language, the access token
 * from memory, and one silent refresh when it has expired.
 *
 *   const data = await api((c) => c.GET('/api/v1/accounts/me'));
 *
 * `api` returns the body of a 2xx answer and throws an ApiProblem otherwise.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiProblem, offlineProblem, problemOf } from './problem';

export type Client = ReturnType<typeof createClient<paths>>;

/** What the client needs from the session; set once by the session store. */
export interface SessionHooks {
  accessToken(): string | null;
  locale(): string;
  /** Get a new access token; false when the session is over. */
  refresh(): Promise<boolean>;
  /** The API says the member must change a temporary password first. */
  passwordChangeRequired(): void;
  /** The session ended on the server (signed out elsewhere, suspended). */
  signedOut(): void;
}

let hooks: SessionHooks = {
  accessToken: () => null,
  locale: () => 'zh-CN',
  refresh: () => Promise.resolve(false),
  passwordChangeRequired: () => undefined,
  signedOut: () => undefined,
};

export function connectSession(session: SessionHooks): void {
  hooks = session;
}

const headers: Middleware = {
  onRequest({ request }) {
    const token = hooks.accessToken();
    if (token && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    request.headers.set('Accept-Language', hooks.locale());
    return request;
  },
};

export const client: Client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
client.use(headers);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Calls the API; retries once with a fresh access token when the old one expired. */
export async function api<T>(call: (c: Client) => Promise<Answer<T>>): Promise<T> {
  let answer = await send(call);
  if (answer.response.status === 401 && hooks.accessToken() !== null) {
    if (await hooks.refresh()) answer = await send(call);
    else hooks.signedOut();
  }
  const { response } = answer;
  if (response.ok) return answer.data as T;
  const problem = await problemOf(response, answer.error);
  if (problem.code === 'PASSWORD_CHANGE_REQUIRED') hooks.passwordChangeRequired();
  throw problem;
}

async function send<T>(call: (c: Client) => Promise<Answer<T>>): Promise<Answer<T>> {
  try {
    return await call(client);
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    // fetch rejects only when no answer came at all: offline, DNS, a dropped connection.
    throw offlineProblem();
  }
}
