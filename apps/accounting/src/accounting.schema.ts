import { eventTablesMigration, outboxTraceContextMigration, ServiceSchema } from '@app/common';
import { CreateSchema1764100000000 } from './migrations/1764100000000-create-schema';
import { Ledger1764200000000 } from './migrations/1764200000000-ledger';
import { HoldOwners1764300000000 } from './migrations/1764300000000-hold-owners';

/** The accounting service's own PostgreSQL schema: its tables and migrations. */
export const AccountingSchema: ServiceSchema = {
  schema: 'accounting',
  entities: [],
  migrations: [
    CreateSchema1764100000000,
    eventTablesMigration('accounting', 1764150000000),
    Ledger1764200000000,
    HoldOwners1764300000000,
    outboxTraceContextMigration('accounting', 1764800000000),
  ],
};
