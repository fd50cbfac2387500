import { BackendService, HEALTH_MESSAGES, ServiceHealth } from '@app/contracts';
import { Controller, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Handles } from '../nats/handles.decorator';

/** Builds the service's `health.check` handler: up when the service can reach its database. */
export function serviceHealthController(service: BackendService): Type<unknown> {
  @Controller()
  class ServiceHealthController {
    constructor(private readonly dataSource: DataSource) {}

    @Handles(HEALTH_MESSAGES[service].check)
    async check(): Promise<ServiceHealth> {
      try {
        await this.dataSource.query('SELECT 1');
        return { service, status: 'up', database: 'up' };
      } catch {
        return { service, status: 'down', database: 'down' };
      }
    }
  }
  return ServiceHealthController;
}
