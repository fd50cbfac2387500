import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, serviceHealthController, ServiceConfig } from '@app/common';
import { AccountingSchema } from './accounting.schema';

@Module({})
export class AccountingModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AccountingModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, AccountingSchema, 'accounting'),
          retryAttempts: 0,
        }),
      ],
      controllers: [serviceHealthController('accounting')],
    };
  }
}
