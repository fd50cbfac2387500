import 'reflect-metadata';
import { bootstrapService } from '@app/common';
import { AccountingConfig } from './accounting.config';
import { AccountingModule } from './accounting.module';
import { AccountingSchema } from './accounting.schema';

void bootstrapService({
  name: 'accounting',
  config: AccountingConfig,
  database: AccountingSchema,
  module: (config) => AccountingModule.forRoot(config),
});
