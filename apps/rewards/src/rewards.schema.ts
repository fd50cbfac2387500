import { ExpiryWarnings1764950000000 } from './migrations/1764950000000-expiry-warnings';
import { eventTablesMigration, outboxTraceContextMigration, ServiceSchema } from '@app/common';
import { MerchantEntity } from './merchants/merchants.entity';
import { CreateSchema1764100000000 } from './migrations/1764100000000-create-schema';
import { Rewards1764400000000 } from './migrations/1764400000000-rewards';
import { OfferEntity } from './offers/offers.entity';
import { SettlementEntity } from './settlements/settlements.entity';
import { VoucherEntity } from './vouchers/vouchers.entity';

/** The rewards service's own PostgreSQL schema: its tables and migrations. */
export const RewardsSchema: ServiceSchema = {
  schema: 'rewards',
  entities: [MerchantEntity, OfferEntity, VoucherEntity, SettlementEntity],
  migrations: [
    CreateSchema1764100000000,
    eventTablesMigration('rewards', 1764200000000),
    Rewards1764400000000,
    outboxTraceContextMigration('rewards', 1764800000000),
    ExpiryWarnings1764950000000,
  ],
};
