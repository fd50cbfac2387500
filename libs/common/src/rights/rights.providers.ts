import {
  FactoryProvider,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RightsQuery, VolunteersMessages } from '@app/contracts';
import { BaseConfig } from '../config/service-config';
import { ServiceClient } from '../nats/service-client';
import { ActorRightsInterceptor } from './actor-rights.interceptor';
import { RightsCache, RightsLookup } from './rights-cache';

const RIGHTS_MAX_ENTRIES = 50_000;

/** The RightsCache as a provider that starts and stops with its application. */
class ManagedRightsCache
  extends RightsCache
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }
  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }
}

/** Rights asked of the volunteers service over NATS: every process but the volunteers service. */
export function remoteRightsLookup(services: ServiceClient): RightsLookup {
  return async (memberId) => {
    const query: RightsQuery = { memberId };
    const reply = await services.call(VolunteersMessages.rightsGet, query);
    return reply.rights;
  };
}

export interface RightsProvidersOptions {
  name: string;
  config: BaseConfig;
  /** How the lookup is made, with what it injects. */
  lookup: Pick<FactoryProvider<RightsLookup>, 'useFactory' | 'inject'>;
  /** Also check every RPC command's actor (backends); the gateway checks in its guard instead. */
  checkCommands: boolean;
}

/** The rights cache, and for a backend the interceptor that checks every command's actor. */
export function rightsProviders(options: RightsProvidersOptions): Provider[] {
  const { config, name } = options;
  const cache: Provider = {
    provide: RightsCache,
    useFactory: (...deps: unknown[]) =>
      new ManagedRightsCache(
        {
          servers: config.natsServers,
          prefix: config.NATS_SUBJECT_PREFIX,
          name,
          ttlMs: config.RIGHTS_CACHE_TTL_MS,
          maxEntries: RIGHTS_MAX_ENTRIES,
        },
        options.lookup.useFactory(...deps) as RightsLookup,
      ),
    inject: options.lookup.inject,
  };
  if (!options.checkCommands) return [cache];
  return [cache, { provide: APP_INTERCEPTOR, useClass: ActorRightsInterceptor }];
}

/** For the backends other than volunteers: rights asked of the volunteers service. */
export function remoteRightsProviders(name: string, config: BaseConfig): Provider[] {
  return rightsProviders({
    name,
    config,
    checkCommands: true,
    lookup: { useFactory: remoteRightsLookup, inject: [ServiceClient] },
  });
}
