import 'reflect-metadata';
import { bootstrapService, ServiceConfig } from '@app/common';
import { RewardsModule } from './rewards.module';
import { RewardsSchema } from './rewards.schema';

void bootstrapService({
  name: 'rewards',
  config: ServiceConfig,
  database: RewardsSchema,
  module: (config) => RewardsModule.forRoot(config),
});
