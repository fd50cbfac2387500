import { Controller, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';

export interface ServiceHealth {
  service: string;
  status: 'up' | 'down';
  database: 'up' | 'down';
}

/** Builds the `<service>.health.check` handler: up when the service can reach its database. */
export function serviceHealthController(service: string): Type<unknown> {
  @Controller()
  class ServiceHealthController {
    constructor(private readonly dataSource: DataSource) {}

    @MessagePattern(`${service}.health.check`)
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
