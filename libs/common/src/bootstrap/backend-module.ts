import { BackendService } from '@app/contracts';
import { DynamicModule, Provider, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfig } from '../config/service-config';
import { dataSourceOptions, ServiceSchema } from '../database/data-source-options';
import { EventsModule } from '../events/events.module';
import { serviceHealthController } from '../health/service-health.controller';
import { serviceClientProvider } from '../nats/service-client';
import { remoteRightsProviders } from '../rights/rights.providers';

/** What one backend is made of: everything but the settings it is started with. */
export interface BackendModuleOptions<C extends ServiceConfig> {
  service: BackendService;
  schema: ServiceSchema;
  /** The service's settings class, under which `forRoot`'s settings are provided. */
  configClass: Type<C>;
  controllers: Type<unknown>[];
  providers: Provider[];
  /** How the service learns a member's rights; by default it asks the volunteers service. */
  rights?: (config: C) => Provider[];
}

/** A backend's root module class, as `BackendModule` makes it. */
export interface BackendModuleClass<C extends ServiceConfig> {
  new (): object;
  forRoot(config: C): DynamicModule;
}

/**
 * The class every backend's root module extends, so that a service names only
 * its own parts and `forRoot(config)` wires them the same way everywhere: its
 * database and migrations, its events, its health check, its settings, a
 * client for asking the others and the rights of whoever acts.
 */
export function BackendModule<C extends ServiceConfig>(
  options: BackendModuleOptions<C>,
): BackendModuleClass<C> {
  return class {
    static forRoot(this: Type<unknown>, config: C): DynamicModule {
      return backendModule(this, options, config);
    }
  };
}

function backendModule<C extends ServiceConfig>(
  module: Type<unknown>,
  options: BackendModuleOptions<C>,
  config: C,
): DynamicModule {
  const { service, schema } = options;
  return {
    module,
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
      ...(options.rights?.(config) ?? remoteRightsProviders(service, config)),
      ...options.providers,
    ],
  };
}
