/** What the API says when it refuses: application/problem+json, in the member's language. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
    /** Why, in a word that never changes with the language (where a route names its reasons). */
    readonly reason: string | null = null,
  ) {
    super(detail || title);
    this.name = 'ApiProblem';
  }

  /** The message for one form field, if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  }

  /** Worth trying the same thing again (the network or a service was down, or too fast). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/**
 * A refusal read from a response. `parsed` is its body when the caller already
 * read it (openapi-fetch does, into `error`); otherwise it is read here.
 */
export async function problemOf(response: Response, parsed?: unknown): Promise<ApiProblem> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let body: unknown = parsed ?? null;
  if (body === null && !response.bodyUsed) {
    try {
      body = await response.json();
    } catch {
      // A proxy's HTML page or an empty body: the status is all we know.
    }
  }
  const problem = (body ?? {}) as Partial<Record<string, unknown>>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const errors = Array.isArray(problem.errors)
    ? (problem.errors as unknown[]).filter(
        (e): e is FieldError =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as FieldError).field === 'string' &&
          typeof (e as FieldError).message === 'string',
      )
    : [];
  return new ApiProblem(
    response.status,
    text(problem.code) || `HTTP_${response.status}`,
    text(problem.title),
    text(problem.detail),
    errors,
    retryAfterSeconds,
    text(problem.reason) || null,
  );
}

/** The network itself failed: no answer at all. */
export function offlineProblem(): ApiProblem {
  return new ApiProblem(0, 'NETWORK', '', '');
}
