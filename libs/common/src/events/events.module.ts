import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { BackendService, EVENTS_BY_PRODUCER } from '@app/contracts';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { EventConsumers } from './event-consumers';
import { reportEvents, reportStream } from './event-metrics';
import { EventStreams } from './event-streams';
import { EventTablesJanitor } from './event-tables-janitor';
import { JetStreamConnection } from './jetstream.connection';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

export interface EventsOptions {
  /** Names its stream and durables; what it publishes and consumes is in the catalogue (@app/contracts). */
  service: BackendService;
  schema: string;
  config: ServiceConfig;
}

const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

/**
 * Opens JetStream, creates this service's stream with every durable consumer
 * of it (before the relay publishes anything), starts the relay, then the
 * consumers, and reports them all to the metrics until shutdown.
 */
@Injectable()
class EventsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stopReporting: Array<() => void> = [];

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly dataSource: DataSource,
    private readonly jetstream: JetStreamConnection,
    private readonly streams: EventStreams,
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { service } = this.options;
    await this.jetstream.open();
    if (EVENTS_BY_PRODUCER[service].length > 0) {
      const stream = await this.streams.ensure(service);
      this.stopReporting.push(reportStream(this.jetstream.jsm, stream));
      await this.relay.start();
    }
    await this.consumers.start();
    this.stopReporting.push(reportEvents(this.dataSource, this.options.schema, this.consumers));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopReporting.splice(0).forEach((stop) => stop());
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
          useValue: new JetStreamConnection(config.natsServers, service),
        },
        {
          provide: EventStreams,
          inject: [JetStreamConnection],
          useFactory: (jetstream: JetStreamConnection) =>
            new EventStreams(
              jetstream,
              config.NATS_SUBJECT_PREFIX,
              EventStreams.settingsFrom(config),
            ),
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
          inject: [DataSource, JetStreamConnection, EventStreams],
          useFactory: (
            dataSource: DataSource,
            jetstream: JetStreamConnection,
            streams: EventStreams,
          ) =>
            new EventConsumers(dataSource, schema, service, jetstream, streams, {
              maxDeliver: EventStreams.settingsFrom(config).maxDeliver,
              ackWaitMs: EventStreams.settingsFrom(config).ackWaitMs,
              exitBeforeAck:
                config.NODE_ENV === 'test' && config.EVENT_FAULT_EXIT_BEFORE_ACK
                  ? config.EVENT_FAULT_EXIT_BEFORE_ACK
                  : null,
            }),
        },
        {
          provide: EventTablesJanitor,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new EventTablesJanitor(dataSource, schema, config.EVENT_MAX_AGE_DAYS),
        },
        EventsLifecycle,
      ],
      exports: [Outbox, EventConsumers, JetStreamConnection],
    };
  }
}
