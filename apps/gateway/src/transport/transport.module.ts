import { Global, Module } from '@nestjs/common';
import { PrefixedNatsClient } from '@app/common';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';
import { NATS_CLIENT, SERVICE_TIMEOUT_MS, ServiceClient } from './service-client';

@Global()
@Module({
  providers: [
    {
      provide: NATS_CLIENT,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new PrefixedNatsClient(
          { servers: config.NATS_URL.split(','), name: 'gateway', maxReconnectAttempts: -1 },
          config.NATS_SUBJECT_PREFIX,
        ),
    },
    {
      provide: SERVICE_TIMEOUT_MS,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => config.SERVICE_TIMEOUT_MS,
    },
    ServiceClient,
  ],
  exports: [ServiceClient],
})
export class TransportModule {}
