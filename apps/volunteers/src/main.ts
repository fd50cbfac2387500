import 'reflect-metadata';
import { bootstrapService } from '@app/common';
import { VolunteersConfig } from './volunteers.config';
import { VolunteersModule } from './volunteers.module';
import { VolunteersSchema } from './volunteers.schema';

// A production start with the development admin password is refused by
// VolunteersConfig's validation, which bootstrapService reports in one line.
void bootstrapService({
  name: 'volunteers',
  config: VolunteersConfig,
  database: VolunteersSchema,
  module: (config) => VolunteersModule.forRoot(config),
});
