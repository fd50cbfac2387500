import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_URL } from '../config/service-config';
import { dataSourceOptions, ServiceSchema } from '../database/data-source-options';
import { ensureDatabase } from '../database/ensure-database';
import { runMigrations } from '../database/run-migrations';

export interface TestDatabase {
  name: string;
  url: string;
  /** TypeORM options for `schema` in this database (after `migrate`, its tables exist). */
  options(schema: ServiceSchema, applicationName?: string): DataSourceOptions;
  migrate(schema: ServiceSchema): Promise<DataSourceOptions>;
  drop(): Promise<void>;
}

/**
 * A fresh database `timebank_test_<random>` on the developer's PostgreSQL
 * (DATABASE_URL's server, or the default), for tests of queries beside the
 * code. `drop()` it in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `timebank_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  url.pathname = `/${name}`;
  await ensureDatabase(url.toString());
  const options = (schema: ServiceSchema, applicationName = 'test') =>
    dataSourceOptions(url.toString(), schema, applicationName);
  return {
    name,
    url: url.toString(),
    options,
    migrate: async (schema) => {
      await runMigrations(options(schema));
      return options(schema);
    },
    drop: () => dropTestDatabase(url.toString()),
  };
}

/** Drops a database made by createTestDatabase, closing what is still connected to it. */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^timebank_test_[a-z0-9]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
