import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { streamName } from './event';
import { EventConsumers } from './event-consumers';
import { reportEvents } from './event-metrics';
import { EventTablesJanitor } from './event-tables-janitor';
import { JetStreamConnection } from './jetstream.connection';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

export interface EventsOptions {
  service: string;
  schema: string;
  config: ServiceConfig;
  /** Event subjects (without prefix) this service publishes: its stream's subjects. */
  publishes: readonly string[];
  maxDeliver?: number;
}

const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

/**
 * Opens JetStream, creates this service's stream, starts the relay, then the
 * consumers, and reports them to the metrics until shutdown.
 */
@Injectable()
class EventsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopReporting?: () => void;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly dataSource: DataSource,
    private readonly jetstream: JetStreamConnection,
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumers,
    private readonly janitor: EventTablesJanitor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { service, config, publishes } = this.options;
    await this.jetstream.open();
    if (publishes.length > 0) {
      await this.jetstream.ensureStream(
        streamName(config.NATS_SUBJECT_PREFIX, service),
        publishes.map((s) => `${config.NATS_SUBJECT_PREFIX}.${s}`),
      );
      await this.relay.start();
    }
    await this.consumers.start();
    this.janitor.start();
    this.stopReporting = reportEvents(this.dataSource, this.options.schema, this.consumers);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopReporting?.();
    this.janitor.stop();
    await this.consumers.stop();
    await this.relay.stop();
    await this.jetstream.close();
  }
}

/**
 * Durable events for one service: `Outbox` to write them with a change,
 * `EventConsumers` to subscribe to other services' events (register in
 * onModuleInit; consuming starts once the application is up).
 */
@Module({})
export class EventsModule {
  static forService(options: EventsOptions): DynamicModule {
    const { service, schema, config } = options;
    return {
      module: EventsModule,
      global: true,
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        { provide: Outbox, useValue: new Outbox(schema) },
        {
          provide: JetStreamConnection,
          useValue: new JetStreamConnection(config.NATS_URL.split(','), service),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, Outbox, JetStreamConnection],
          useFactory: (dataSource: DataSource, outbox: Outbox, jetstream: JetStreamConnection) =>
            new OutboxRelay(
              dataSource,
              outbox,
              schema,
              jetstream,
              config.NATS_SUBJECT_PREFIX,
              config.DATABASE_URL,
            ),
        },
        {
          provide: EventConsumers,
          inject: [DataSource, JetStreamConnection],
          useFactory: (dataSource: DataSource, jetstream: JetStreamConnection) =>
            new EventConsumers(dataSource, schema, service, jetstream, config.NATS_SUBJECT_PREFIX, {
              maxDeliver: options.maxDeliver ?? 10,
              ackWaitMs: 30_000,
            }),
        },
        {
          provide: EventTablesJanitor,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new EventTablesJanitor(dataSource, schema),
        },
        EventsLifecycle,
      ],
      exports: [Outbox, EventConsumers, JetStreamConnection],
    };
  }
}
