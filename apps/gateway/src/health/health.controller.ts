import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode, ServiceClient } from '@app/common';
import { BACKEND_SERVICES, BackendService, HEALTH_MESSAGES } from '@app/contracts';
import { Public } from '../auth/access.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
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

export class LiveView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class ReadyView {
  @ApiProperty({ enum: ['ready'] }) status!: 'ready';
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

  @Get('live')
  @Public()
  @ApiOperation({
    summary: 'Liveness: the gateway process serves (no dependency is asked)',
  })
  @ApiResponse({ status: 200, type: LiveView, description: 'The gateway serves' })
  live(): LiveView {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness: NATS is connected and every service is migrated and reaches its database',
  })
  @ApiResponse({ status: 200, type: ReadyView, description: 'The gateway can serve' })
  @ApiProblems([503, 'SERVICE_UNAVAILABLE: not ready; detail names NATS or each service not ready'])
  async ready(): Promise<ReadyView> {
    const [nats, ...services] = await Promise.all([
      this.services.natsAnswers(this.config.HEALTH_TIMEOUT_MS),
      ...BACKEND_SERVICES.map((service) => this.readiness(service)),
    ]);
    const notReady = [
      ...(nats ? [] : ['nats']),
      ...services.filter((reason): reason is string => reason !== null),
    ];
    if (notReady.length > 0) {
      throw DomainError.of(
        ErrorCode.SERVICE_UNAVAILABLE,
        'http.notReady',
        { what: notReady.join(', ') },
        { reason: 'not_ready' },
      );
    }
    return { status: 'ready' };
  }

  /** Null when the service is ready; otherwise it, named with what it lacks. */
  private async readiness(service: BackendService): Promise<string | null> {
    try {
      const answer = await this.services.call(
        HEALTH_MESSAGES[service].ready,
        {},
        null,
        this.config.HEALTH_TIMEOUT_MS,
      );
      return answer.ready ? null : `${service} (${answer.notReady.join(', ')})`;
    } catch {
      return `${service} (no answer)`;
    }
  }

  private async probe(service: BackendService): Promise<ServiceState> {
    try {
      const health = await this.services.call(
        HEALTH_MESSAGES[service].check,
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
