import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, serviceHealthController, ServiceConfig } from '@app/common';
import { RequestsSchema } from './requests.schema';

@Module({})
export class RequestsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: RequestsModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, RequestsSchema, 'requests'),
          retryAttempts: 0,
        }),
      ],
      controllers: [serviceHealthController('requests')],
    };
  }
}
