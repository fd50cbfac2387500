import { Logger } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  ATTR_MESSAGING_DESTINATION,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_SYSTEM,
  contextOfFields,
  natsHeadersWith,
} from '../tracing/carriers';
import { outboxListenerReconnects } from '../metrics/suite-metrics';
import { inSpan } from '../tracing/spans';
import { DomainEvent } from './event';
import { JetStreamConnection } from './jetstream.connection';
import { Outbox } from './outbox';

const BATCH = 200;
const POLL_MS = 1000;
/** Waits between attempts to listen again after PostgreSQL went away: doubling, up to the cap. */
const RELISTEN_FIRST_MS = 250;
const RELISTEN_MAX_MS = 5000;

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  request_id: string | null;
  trace_context: Record<string, string> | null;
  created_at: Date;
}

/**
 * Publishes committed outbox rows to JetStream with the row id as message id
 * (JetStream drops a duplicate inside its window; consumers' inboxes drop any
 * later one), then marks them published. Rows are claimed with SKIP LOCKED,
 * so any number of copies of a service can relay side by side. Each event is
 * published in a producer span of the trace that wrote it, which its headers carry.
 * The NOTIFY of its own process's commits wakes it; when PostgreSQL drops the
 * LISTEN connection (a restart), it listens again with backoff, the 1 s poll
 * covering the gap.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private relisten?: NodeJS.Timeout;
  private listener?: Client;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly schema: string,
    private readonly jetstream: JetStreamConnection,
    private readonly prefix: string,
    private readonly databaseUrl: string,
  ) {}

  async start(): Promise<void> {
    this.listener = await this.listen();
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  /** A connection LISTENing on the outbox's channel; when it is lost, another is made. */
  private async listen(): Promise<Client> {
    const client = new Client({ connectionString: this.databaseUrl });
    // Another copy's commits are its own relay's (Outbox.origin).
    client.on('notification', ({ payload }) => {
      if (payload === this.outbox.origin) this.kick();
    });
    client.on('error', (error) => {
      this.logger.warn(`outbox listener: ${error.message}`);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.outbox.channel}"`);
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private lost(client: Client): void {
    if (this.listener !== client || this.stopped) return;
    this.listener = undefined;
    void client.end().catch(() => undefined);
    this.listenAgain(RELISTEN_FIRST_MS);
  }

  private listenAgain(waitMs: number): void {
    this.relisten = setTimeout(() => {
      this.listen().then(
        (client) => {
          if (this.stopped) return void client.end().catch(() => undefined);
          this.listener = client;
          outboxListenerReconnects.inc();
          this.logger.warn(`outbox listener: listening again on ${this.outbox.channel}`);
          this.kick(); // what was committed while no one listened
        },
        (error: Error) => {
          this.logger.warn(`outbox listener: cannot listen yet (${error.message})`);
          if (!this.stopped) this.listenAgain(Math.min(RELISTEN_MAX_MS, waitMs * 2));
        },
      );
    }, waitMs);
  }

  /** Publishes what is waiting; a call while a drain runs makes it go round once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: Error) => this.logger.warn(`outbox relay: ${error.message}`))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    let published: number;
    do {
      published = await this.publishBatch();
    } while (published === BATCH && !this.stopped);
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, subject, payload, request_id, trace_context, created_at FROM "${this.schema}".outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await Promise.all(rows.map((row) => this.publish(row)));
      await manager.query(
        `UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  private publish(row: OutboxRow): Promise<unknown> {
    const event: DomainEvent = {
      id: row.id,
      type: row.subject,
      occurredAt: new Date(row.created_at).toISOString(),
      requestId: row.request_id,
      data: row.payload,
    };
    const attributes = {
      [ATTR_MESSAGING_SYSTEM]: 'nats',
      [ATTR_MESSAGING_DESTINATION]: row.subject,
      [ATTR_MESSAGING_MESSAGE_ID]: row.id,
    };
    return inSpan(
      `publish ${row.subject}`,
      { kind: SpanKind.PRODUCER, attributes },
      () =>
        this.jetstream.client.publish(`${this.prefix}.${row.subject}`, JSON.stringify(event), {
          msgID: row.id,
          headers: natsHeadersWith(),
        }),
      contextOfFields(row.trace_context),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.relisten) clearTimeout(this.relisten);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }
}
