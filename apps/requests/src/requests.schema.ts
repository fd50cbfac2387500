import { eventTablesMigration, outboxTraceContextMigration, ServiceSchema } from '@app/common';
import { CreateSchema1764100000000 } from './migrations/1764100000000-create-schema';
import { HelpRequests1764300000000 } from './migrations/1764300000000-help-requests';
import { MemberNames1764630000000 } from './migrations/1764630000000-member-names';
import { RequestHistory1764710000000 } from './migrations/1764710000000-request-history';
import { ExpiryWarnings1764950000000 } from './migrations/1764950000000-expiry-warnings';
import { RatingEntity } from './ratings/ratings.entity';
import { HelpRequestEntity, RequestStepEntity } from './requests/requests.entity';

/** The requests service's own PostgreSQL schema: its tables and migrations. */
export const RequestsSchema: ServiceSchema = {
  schema: 'requests',
  entities: [HelpRequestEntity, RequestStepEntity, RatingEntity],
  migrations: [
    CreateSchema1764100000000,
    eventTablesMigration('requests', 1764200000000),
    HelpRequests1764300000000,
    MemberNames1764630000000,
    RequestHistory1764710000000,
    outboxTraceContextMigration('requests', 1764800000000),
    ExpiryWarnings1764950000000,
  ],
};
