import 'reflect-metadata';
import { bootstrapService, ServiceConfig } from '@app/common';
import { RequestsModule } from './requests.module';
import { RequestsSchema } from './requests.schema';

void bootstrapService({
  name: 'requests',
  config: ServiceConfig,
  database: RequestsSchema,
  module: (config) => RequestsModule.forRoot(config),
});
