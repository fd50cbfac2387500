import { BackendModule } from '@app/common';
import { Module } from '@nestjs/common';
import { MerchantsController } from './merchants/merchants.controller';
import { MerchantsRepository } from './merchants/merchants.repository';
import { MerchantsService } from './merchants/merchants.service';
import { OffersController } from './offers/offers.controller';
import { OffersRepository } from './offers/offers.repository';
import { OffersService } from './offers/offers.service';
import { LedgerClient } from './peers/ledger.client';
import { VolunteersDirectory } from './peers/volunteers.directory';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { RewardsConfig } from './rewards.config';
import { RewardsSchema } from './rewards.schema';
import { SettlementsController } from './settlements/settlements.controller';
import { SettlementsRepository } from './settlements/settlements.repository';
import { SettlementsService } from './settlements/settlements.service';
import { VoucherExpiry } from './vouchers/voucher-expiry';
import { VouchersController } from './vouchers/vouchers.controller';
import { VouchersRepository } from './vouchers/vouchers.repository';
import { VouchersService } from './vouchers/vouchers.service';

@Module({})
export class RewardsModule extends BackendModule({
  service: 'rewards',
  schema: RewardsSchema,
  configClass: RewardsConfig,
  controllers: [
    MerchantsController,
    OffersController,
    VouchersController,
    SettlementsController,
    ReportsController,
  ],
  providers: [
    VolunteersDirectory,
    LedgerClient,
    MerchantsRepository,
    OffersRepository,
    VouchersRepository,
    SettlementsRepository,
    ReportsRepository,
    ReportsService,
    MerchantsService,
    OffersService,
    VouchersService,
    SettlementsService,
    VoucherExpiry,
  ],
}) {}
