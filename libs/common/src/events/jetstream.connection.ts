import { Logger } from '@nestjs/common';
import {
  connect,
  JetStreamClient,
  JetStreamManager,
  nanos,
  NatsConnection,
  RetentionPolicy,
  StorageType,
} from 'nats';

/** One NATS connection per service for durable events, apart from Nest's request–reply one. */
export class JetStreamConnection {
  private readonly logger = new Logger('JetStream');
  private connection?: NatsConnection;
  private manager?: JetStreamManager;

  constructor(
    private readonly servers: string[],
    private readonly name: string,
  ) {}

  async open(): Promise<void> {
    this.connection = await connect({
      servers: this.servers,
      name: `${this.name}-events`,
      maxReconnectAttempts: -1,
    });
    this.manager = await this.connection.jetstreamManager();
  }

  get client(): JetStreamClient {
    if (!this.connection) throw new Error('JetStream connection is not open');
    return this.connection.jetstream();
  }

  get jsm(): JetStreamManager {
    if (!this.manager) throw new Error('JetStream connection is not open');
    return this.manager;
  }

  /** Creates the stream, or widens its subjects to include `subjects`; safe from every service. */
  async ensureStream(stream: string, subjects: string[]): Promise<void> {
    try {
      const info = await this.jsm.streams.info(stream);
      const missing = subjects.filter((s) => !info.config.subjects.includes(s));
      if (missing.length > 0) {
        await this.jsm.streams.update(stream, { subjects: [...info.config.subjects, ...missing] });
      }
    } catch (error) {
      if (!/stream not found/i.test((error as Error).message)) throw error;
      try {
        await this.jsm.streams.add({
          name: stream,
          subjects,
          retention: RetentionPolicy.Limits,
          storage: StorageType.File,
          max_age: nanos(14 * 24 * 3600 * 1000),
          duplicate_window: nanos(10 * 60 * 1000),
        });
        this.logger.log(`created stream ${stream}`);
      } catch (addError) {
        // Another service created it at the same moment: widen it instead.
        if (!/already in use|exists/i.test((addError as Error).message)) throw addError;
        await this.ensureStream(stream, subjects);
      }
    }
  }

  async close(): Promise<void> {
    if (!this.connection) return;
    await this.connection.drain().catch(() => undefined);
    this.connection = undefined;
  }
}
