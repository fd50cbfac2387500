import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ServiceHealth, ServiceClient } from '@app/common';
import { BACKEND_SERVICES, BackendService, healthSubject } from '@app/contracts';
import { Public } from '../auth/access.decorator';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({
    example: { volunteers: 'up', accounting: 'up', requests: 'up', rewards: 'up' },
  })
  services!: Record<BackendService, 'up' | 'down'>;
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
    ) as HealthView['services'];
    const healthy = states.every((state) => state === 'up');
    void reply.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'degraded', services };
  }

  private async probe(service: BackendService): Promise<'up' | 'down'> {
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
