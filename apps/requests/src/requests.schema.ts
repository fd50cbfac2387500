import { ServiceSchema } from '@app/common';
import { CreateSchema1764100000000 } from './migrations/1764100000000-create-schema';

/** The requests service's own PostgreSQL schema: its tables and migrations. */
export const RequestsSchema: ServiceSchema = {
  schema: 'requests',
  entities: [],
  migrations: [CreateSchema1764100000000],
};
