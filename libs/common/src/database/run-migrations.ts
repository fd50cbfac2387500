import { DataSource, DataSourceOptions } from 'typeorm';

/**
 * Brings the service's schema up to date. The schema is created first (the
 * migrations table lives in it), and an advisory lock keyed on the schema lets
 * several copies start at once without running a migration twice.
 */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const schema = (options as { schema?: string }).schema ?? 'public';
  const dataSource = new DataSource({ ...options, logging: false });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
