import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, serviceHealthController, ServiceConfig } from '@app/common';
import { RewardsSchema } from './rewards.schema';

@Module({})
export class RewardsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: RewardsModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, RewardsSchema, 'rewards'),
          retryAttempts: 0,
        }),
      ],
      controllers: [serviceHealthController('rewards')],
    };
  }
}
