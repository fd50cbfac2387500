import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ServiceHealth, ServiceClient } from '@app/common';
import { BACKEND_SERVICES, BackendService, healthSubject } from '@app/contracts';
import { Public } from '../auth/access.decorator';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';

const SERVICE_STATES = ['up', 'down'] as const;
type ServiceState = (typeof SERVICE_STATES)[number];

/** Every service behind the gateway (a new one does not compile until it is named here). */
export class ServiceStatesView implements Record<BackendService, ServiceState> {
  @ApiProperty({ enum: SERVICE_STATES }) volunteers!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES }) accounting!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES }) requests!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES }) rewards!: ServiceState;
}

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: ServiceStatesView, description: 'Each service, up or down' })
  services!: ServiceStatesView;
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether every service behind the gateway answers' })
  @ApiResponse({ status: 200, type: HealthView, description: 'All services are up' })
  @ApiResponse({ status: 503, type: HealthView, description: 'Some service is down; it is named' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const states = await Promise.all(BACKEND_SERVICES.map((service) => this.probe(service)));
    const services = Object.fromEntries(
      BACKEND_SERVICES.map((service, i) => [service, states[i]]),
    ) as Record<BackendService, ServiceState>;
    const healthy = states.every((state) => state === 'up');
    void reply.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'degraded', services };
  }

  private async probe(service: BackendService): Promise<ServiceState> {
    try {
      const health = await this.services.call<ServiceHealth>(
        healthSubject(service),
        {},
        null,
        this.config.HEALTH_TIMEOUT_MS,
      );
      return health.status === 'up' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}
