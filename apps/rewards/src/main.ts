import 'reflect-metadata';
import { bootstrapService } from '@app/common';
import { RewardsConfig } from './rewards.config';
import { RewardsModule } from './rewards.module';
import { RewardsSchema } from './rewards.schema';

void bootstrapService({
  name: 'rewards',
  config: RewardsConfig,
  database: RewardsSchema,
  module: (config) => RewardsModule.forRoot(config),
});
