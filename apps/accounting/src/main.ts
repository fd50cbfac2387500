import 'reflect-metadata';
import { bootstrapService, ServiceConfig } from '@app/common';
import { AccountingModule } from './accounting.module';
import { AccountingSchema } from './accounting.schema';

void bootstrapService({
  name: 'accounting',
  config: ServiceConfig,
  database: AccountingSchema,
  module: (config) => AccountingModule.forRoot(config),
});
