import { Global, Module } from '@nestjs/common';
import { ServiceClient } from '@app/common';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';

@Global()
@Module({
  providers: [
    {
      provide: ServiceClient,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new ServiceClient({
          servers: config.natsServers,
          name: 'gateway',
          prefix: config.NATS_SUBJECT_PREFIX,
          timeoutMs: config.SERVICE_TIMEOUT_MS,
        }),
    },
  ],
  exports: [ServiceClient],
})
export class TransportModule {}
