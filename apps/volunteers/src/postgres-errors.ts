import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function driverError(error: unknown): { code?: string; constraint?: string } | null {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : null;
}

/** The unique index or constraint a failed write ran into, if that is why it failed. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const e = driverError(error);
  return e?.code === UNIQUE_VIOLATION ? (e.constraint ?? null) : null;
}

export function violatedForeignKey(error: unknown): string | null {
  const e = driverError(error);
  return e?.code === FOREIGN_KEY_VIOLATION ? (e.constraint ?? null) : null;
}
