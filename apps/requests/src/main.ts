import 'reflect-metadata';
import { bootstrapService } from '@app/common';
import { RequestsConfig } from './requests.config';
import { RequestsModule } from './requests.module';
import { RequestsSchema } from './requests.schema';

void bootstrapService({
  name: 'requests',
  config: RequestsConfig,
  database: RequestsSchema,
  module: (config) => RequestsModule.forRoot(config),
});
