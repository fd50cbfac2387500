import { BackendService } from '@app/contracts';
import { DynamicModule, Provider, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfig } from '../config/service-config';
import { dataSourceOptions, ServiceSchema } from '../database/data-source-options';
import { EventsModule } from '../events/events.module';
import { serviceHealthController } from '../health/service-health.controller';
import { serviceClientProvider } from '../nats/service-client';
import { remoteRightsProviders } from '../rights/rights.providers';

export interface BackendModuleOptions<C extends ServiceConfig> {
  /** The service's module class, which `forRoot` returns. */
  module: Type<unknown>;
  service: BackendService;
  schema: ServiceSchema;
  /** The service's settings, provided under their own class. */
  config: C;
  configClass: Type<C>;
  controllers: Type<unknown>[];
  providers: Provider[];
  /** How the service learns a member's rights; by default it asks the volunteers service. */
  rights?: Provider[];
}

/**
 * What every backend is wired with — its database and migrations, its
 * events, its health check, its settings, a client for asking the others and
 * the rights of whoever acts — around its own controllers and providers.
 */
export function backendModule<C extends ServiceConfig>(
  options: BackendModuleOptions<C>,
): DynamicModule {
  const { service, schema, config } = options;
  return {
    module: options.module,
    imports: [
      TypeOrmModule.forRoot({
        ...dataSourceOptions(config.DATABASE_URL, schema, service),
        retryAttempts: 0,
      }),
      EventsModule.forService({ service, schema: schema.schema, config }),
    ],
    controllers: [serviceHealthController(service), ...options.controllers],
    providers: [
      { provide: options.configClass, useValue: config },
      serviceClientProvider(service, config),
      ...(options.rights ?? remoteRightsProviders(service, config)),
      ...options.providers,
    ],
  };
}
