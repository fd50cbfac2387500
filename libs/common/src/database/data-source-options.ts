import { DataSourceOptions, MixedList } from 'typeorm';
import { DatabaseClient } from './database-client';

export interface ServiceSchema {
  /** PostgreSQL schema the service owns; nothing else writes to it. */
  schema: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
}

export function dataSourceOptions(
  url: string,
  { schema, entities, migrations }: ServiceSchema,
  applicationName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName,
    // DatabaseClient: every lost connection carries a code (isDatabaseUnavailable).
    extra: { max: 10, connectionTimeoutMillis: 5000, Client: DatabaseClient },
  };
}
