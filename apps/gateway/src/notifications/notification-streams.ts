import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { notificationStreams, subjectFor } from '@app/common';
import { NotificationCreated, VolunteersBroadcasts } from '@app/contracts';
import { connect, JSONCodec, NatsConnection } from 'nats';
import type { ServerResponse } from 'node:http';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';

/** A comment line now and then keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 20_000;

const codec = JSONCodec<NotificationCreated>();

/**
 * The notification streams open on this copy of the gateway: member → their
 * open streams. Every copy hears every `volunteers.notification.created`
 * broadcast (no queue group) and writes it to the streams it holds. A lost
 * broadcast is fine: the list is the truth, and the web app reads it again
 * when its stream reconnects.
 */
@Injectable()
export class NotificationStreams implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('NotificationStreams');
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private connection: NatsConnection | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private unmeasure: (() => void) | null = null;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    const connection = await connect({
      servers: this.config.natsServers,
      name: 'gateway-notifications',
      maxReconnectAttempts: -1,
    });
    this.connection = connection;
    connection.subscribe(
      subjectFor(this.config.NATS_SUBJECT_PREFIX, VolunteersBroadcasts.notificationCreated),
      {
        callback: (error, message) => {
          if (error) return;
          try {
            const { memberId, notification } = codec.decode(message.data);
            this.send(memberId, 'notification', notification);
          } catch (decodeError) {
            this.logger.warn(`a notification broadcast that is not one: ${String(decodeError)}`);
          }
        },
      },
    );
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.unmeasure = notificationStreams.addSource(() => Promise.resolve([{ value: this.size }]));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.unmeasure?.();
    // Open streams would hold the server's close: end them (the web app reconnects elsewhere).
    for (const set of this.streams.values()) for (const stream of set) stream.end();
    this.streams.clear();
    await this.connection?.drain().catch(() => undefined);
    this.connection = null;
  }

  /** Keeps `stream` as one of the member's until it closes. */
  open(memberId: string, stream: ServerResponse): void {
    const set = this.streams.get(memberId) ?? new Set<ServerResponse>();
    set.add(stream);
    this.streams.set(memberId, set);
    stream.on('close', () => {
      set.delete(stream);
      if (set.size === 0 && this.streams.get(memberId) === set) this.streams.delete(memberId);
    });
  }

  /** How many streams are open on this copy (tests and metrics). */
  get size(): number {
    let count = 0;
    for (const set of this.streams.values()) count += set.size;
    return count;
  }

  private send(memberId: string, event: string, data: unknown): void {
    const set = this.streams.get(memberId);
    if (!set) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of set) stream.write(frame);
  }

  private beat(): void {
    for (const set of this.streams.values()) for (const stream of set) stream.write(': ping\n\n');
  }
}
