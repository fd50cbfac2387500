/** TypeORM answers an UPDATE or DELETE with `[rows, affectedCount]` rather than the rows alone. */
export function updatedRows<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

export function affectedRows(result: unknown): number {
  return (result as [unknown[], number])[1];
}
