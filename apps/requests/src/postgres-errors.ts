import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** The unique index or constraint a failed write ran into, if that is why it failed. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const e =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string; constraint?: string })
      : null;
  return e?.code === UNIQUE_VIOLATION ? (e.constraint ?? null) : null;
}
