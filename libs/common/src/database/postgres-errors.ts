/** PostgreSQL's SQLSTATE codes the services act on. */
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
export const CHECK_VIOLATION = '23514';

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
