import { BackendService } from '@app/contracts';
import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'pino';
import { ConfigError, loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service-config';
import { dataSourceOptions, ServiceSchema } from '../database/data-source-options';
import { runMigrations } from '../database/run-migrations';
import { createLogger, PinoNestLogger } from '../logging/logger';
import { PrefixedNatsServer } from '../nats/prefixed-nats.server';
import { RpcCallInterceptor } from '../nats/rpc-call.interceptor';
import { instrumentProcess } from '../metrics/registry';
import { MetricsServer, serveMetrics } from '../metrics/metrics-server';
import { reportPool } from '../database/pool-metrics';
import { ServiceExceptionFilter } from '../nats/rpc-exception.filter';
import { strictValidationPipe } from '../nats/validation.pipe';
import { checkNats, checkPostgres, DependencyError } from './dependencies';
import type { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { startServiceProbes, within } from '../health/service-probes';
import { startTracing } from '../tracing/tracing';

/** How long a readiness check may take before it counts as not ready. */
const READINESS_CHECK_MS = 1000;

export interface ServiceDefinition<C extends ServiceConfig> {
  /** Service name: its queue group, subject segment and log name. */
  name: BackendService;
  config: new () => C;
  database: ServiceSchema;
  module: (config: C) => DynamicModule | Type<unknown>;
}

/** Prints one line and exits: for a start that cannot go on. */
export function exitWith(service: string, message: string): never {
  process.stderr.write(`${service}: ${message}\n`);
  process.exit(1);
}

export function readConfig<C extends object>(service: string, schema: new () => C): C {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(service, error.message);
    throw error;
  }
}

/**
 * Starts one service: validated settings, traces, reachable PostgreSQL and NATS,
 * migrated schema, then a NATS microservice in the service's queue group.
 */
export async function bootstrapService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
): Promise<void> {
  const { name } = definition;
  const config = readConfig(name, definition.config);
  const logger = createLogger(name, config.LOG_LEVEL);
  instrumentProcess(name);
  const tracing = startTracing(name, config, logger);
  try {
    await checkPostgres(config.DATABASE_URL);
    await checkNats(config.natsServers);
  } catch (error) {
    if (error instanceof DependencyError) exitWith(name, error.message);
    throw error;
  }

  // Live from here on; ready only once migrated and every consumer is set up.
  const probes = await startServiceProbes({
    service: name,
    servers: config.natsServers,
    prefix: config.NATS_SUBJECT_PREFIX,
  });
  const dbOptions = dataSourceOptions(config.DATABASE_URL, definition.database, name);
  const applied = await runMigrations(dbOptions);
  if (applied.length > 0) logger.info({ migrations: applied }, 'schema migrated');

  const server = new PrefixedNatsServer(
    { servers: config.natsServers, queue: name, name },
    config.NATS_SUBJECT_PREFIX,
    config.SHUTDOWN_GRACE_MS,
  );
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(definition.module(config), {
    strategy: server,
    logger: new PinoNestLogger(logger),
  });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ServiceExceptionFilter(name));
  app.useGlobalInterceptors(new RpcCallInterceptor(config.NATS_SUBJECT_PREFIX));
  await app.listen();
  const dataSource = app.get(DataSource);
  reportPool(dataSource);
  const metrics = await startMetricsServer(name, config.METRICS_PORT);
  probes.started({
    database: () => within(READINESS_CHECK_MS, () => dataSource.query('SELECT 1')),
    // A round trip on the connection the handlers listen on, not the probes' own.
    nats: () => within(READINESS_CHECK_MS, () => server.unwrap<NatsConnection>().flush()),
  });
  logger.info({ prefix: config.NATS_SUBJECT_PREFIX, metricsPort: metrics?.port }, `${name} ready`);
  stopOnSignal(name, logger, async () => {
    await metrics?.close();
    await probes.close();
    await app.close();
    await tracing.shutdown();
  });
}

/** Serves /metrics on METRICS_PORT, none when it is 0; a port taken ends the start in one line. */
export async function startMetricsServer(
  service: string,
  port: number,
): Promise<MetricsServer | null> {
  if (port === 0) return null;
  try {
    return await serveMetrics(port);
  } catch (error) {
    exitWith(service, `cannot serve metrics on METRICS_PORT ${port}: ${(error as Error).message}`);
  }
}

/** On SIGTERM/SIGINT: stop taking messages, finish those in flight, close connections, exit 0. */
export function stopOnSignal(name: string, logger: Logger, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${name} stopping`);
    close().then(
      () => {
        logger.info(`${name} stopped`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, `${name} did not stop cleanly`);
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: Ctrl-C reaches the whole process group and the launcher
  // then sends SIGTERM too; a second signal must not kill a service mid-shutdown.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
