/** TypeORM answers an UPDATE or DELETE with `[rows, affectedCount]` rather than the rows alone. */
export function updatedRows<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

export function affectedRows(result: unknown): number {
  return (result as [unknown[], number])[1];
}

/** A PostgreSQL error's SQLSTATE and constraint, when a query failed on one. */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { driverError?: { code?: string; constraint?: string } };
  return e?.driverError ?? (error as { code?: string; constraint?: string }) ?? {};
}

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';
