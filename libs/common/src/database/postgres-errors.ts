/** PostgreSQL's SQLSTATE codes the services act on. */
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const CHECK_VIOLATION = '23514';
/** Class 08: the connection failed (08001: could not connect; 08006: lost). */
export const UNABLE_TO_CONNECT = '08001';
export const CONNECTION_FAILURE = '08006';

/**
 * What says the database cannot be reached now, so asking again later may
 * work: the socket's codes, class 08 (connection exception), and 57P01–57P03
 * (the server shutting down, crashed, or not yet accepting connections).
 */
const UNREACHABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03']);

/** Whether `code` is a SQLSTATE (five characters, digits and capitals). */
export function isSqlState(code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code);
}

/**
 * Whether a failure means PostgreSQL is away (down, restarting, unreachable),
 * by the codes of the error, TypeORM's driverError and their causes; pg's own
 * uncoded "connection terminated" gets its code from DatabaseClient.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const e = pending.pop() as
      | { code?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown }
      | null
      | undefined;
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_SOCKET.has(code) || SERVER_GOING_AWAY.has(code)) return true;
    if (isSqlState(code) && code.startsWith('08')) return true;
    // AggregateError: a connect to a name with several addresses fails on each.
    pending.push(
      e.driverError,
      e.cause,
      ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : []),
    );
  }
  return false;
}

/** A PostgreSQL error's SQLSTATE and constraint, when a query failed on one (through TypeORM or pg). */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { driverError?: { code?: string; constraint?: string } } | null | undefined;
  return e?.driverError ?? (error as { code?: string; constraint?: string } | null) ?? {};
}

/** The unique index or constraint a failed write ran into, if that is why it failed. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const e = pgError(error);
  return e.code === UNIQUE_VIOLATION ? (e.constraint ?? null) : null;
}

/** The foreign key a failed write ran into, if that is why it failed. */
export function violatedForeignKey(error: unknown): string | null {
  const e = pgError(error);
  return e.code === FOREIGN_KEY_VIOLATION ? (e.constraint ?? null) : null;
}
