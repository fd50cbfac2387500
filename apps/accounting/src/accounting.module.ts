import { Module, Provider } from '@nestjs/common';
import { BackendModule } from '@app/common';
import { AccountingConfig } from './accounting.config';
import { AccountingSchema } from './accounting.schema';
import { HoldOwners } from './peers/hold-owners';
import { AccountDirectory, NatsAccountDirectory } from './peers/account-directory';
import { AccountEventsConsumer } from './events/account-events.consumer';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { AccountsService } from './accounts/accounts.service';
import { HoldExpiryScheduler } from './holds/hold-expiry.scheduler';
import { HoldOwnerSweeper } from './holds/hold-owner.sweeper';
import { HoldsController } from './holds/holds.controller';
import { HoldsRepository } from './holds/holds.repository';
import { HoldsService } from './holds/holds.service';
import { LedgerCheckController } from './ledger-check/ledger-check.controller';
import { LedgerCheckRepository } from './ledger-check/ledger-check.repository';
import { LedgerCheckService } from './ledger-check/ledger-check.service';
import { LedgerMetrics } from './ledger-check/ledger-metrics';
import { RewardsEventsConsumer } from './events/rewards-events.consumer';
import { VerifiedServiceConsumer } from './events/verified-service.consumer';
import { ActivityEventsConsumer } from './events/activity-events.consumer';
import { StatementsController } from './statements/statements.controller';
import { StatementsRepository } from './statements/statements.repository';
import { StatementsService } from './statements/statements.service';
import { TransferBatcher } from './transfers/transfer-batcher';
import { TransferWriter } from './transfers/transfer-writer';
import { TransfersController } from './transfers/transfers.controller';
import { TransfersRepository } from './transfers/transfers.repository';
import { TransfersService } from './transfers/transfers.service';

/** The ledger itself: what tests assemble around a real database, without NATS. */
export const LEDGER_PROVIDERS: Provider[] = [
  AccountsRepository,
  TransfersRepository,
  HoldsRepository,
  StatementsRepository,
  LedgerCheckRepository,
  AccountsService,
  TransferWriter,
  TransferBatcher,
  TransfersService,
  HoldsService,
  StatementsService,
  LedgerCheckService,
];

export const LEDGER_CONTROLLERS = [
  AccountsController,
  TransfersController,
  HoldsController,
  StatementsController,
  LedgerCheckController,
];

@Module({})
export class AccountingModule extends BackendModule({
  service: 'accounting',
  schema: AccountingSchema,
  configClass: AccountingConfig,
  controllers: [...LEDGER_CONTROLLERS],
  providers: [
    { provide: AccountDirectory, useClass: NatsAccountDirectory },
    ...LEDGER_PROVIDERS,
    AccountEventsConsumer,
    VerifiedServiceConsumer,
    ActivityEventsConsumer,
    RewardsEventsConsumer,
    HoldExpiryScheduler,
    HoldOwners,
    HoldOwnerSweeper,
    LedgerMetrics,
  ],
}) {}
