/**
 * Creates a table's indexes in the order given, one statement each:
 * `CREATE INDEX <name> ON <table> <definition>`, where the definition is the
 * indexed columns and whatever follows them (a WHERE, a USING …). Migrations
 * list a table's indexes as data with it rather than spelling out each
 * statement; the SQL is exactly what they wrote by hand before (they have run
 * in production, so not a byte of it may change).
 */
export async function createIndexes(
  queryRunner: { query(sql: string): Promise<unknown> },
  table: string,
  definitions: Record<string, string>,
): Promise<void> {
  for (const [name, definition] of Object.entries(definitions)) {
    await queryRunner.query(`CREATE INDEX ${name} ON ${table} ${definition}`);
  }
}
