import { connect, JetStreamClient, JetStreamManager, NatsConnection } from 'nats';

/** One NATS connection per service for durable events, apart from Nest's request–reply one. */
export class JetStreamConnection {
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

  /** A plain NATS message on the same connection: at most once, for broadcasts that may be lost. */
  publish(subject: string, data: Uint8Array): void {
    if (!this.connection) throw new Error('JetStream connection is not open');
    this.connection.publish(subject, data);
  }

  async close(): Promise<void> {
    if (!this.connection) return;
    await this.connection.drain().catch(() => undefined);
    this.connection = undefined;
  }
}
