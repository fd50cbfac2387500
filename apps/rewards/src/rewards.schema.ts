import { ServiceSchema } from '@app/common';
import { CreateSchema1764100000000 } from './migrations/1764100000000-create-schema';

/** The rewards service's own PostgreSQL schema: its tables and migrations. */
export const RewardsSchema: ServiceSchema = {
  schema: 'rewards',
  entities: [],
  migrations: [CreateSchema1764100000000],
};
