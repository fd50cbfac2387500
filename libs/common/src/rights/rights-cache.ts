import { Logger } from '@nestjs/common';
import { MemberRights, RightsChanged, VolunteersBroadcasts } from '@app/contracts';
import { connect, Events, JSONCodec, NatsConnection } from 'nats';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { subjectFor } from '../nats/envelope';

/** Where the current rights come from: the volunteers service, or its own database there. */
export type RightsLookup = (memberId: string) => Promise<MemberRights | null>;

export interface RightsCacheOptions {
  servers: string[];
  prefix: string;
  /** Names the NATS connection. */
  name: string;
  /** A safety net for a broadcast lost while this copy was connected; changes arrive by broadcast. */
  ttlMs: number;
  maxEntries: number;
}

interface Entry {
  rights: Promise<MemberRights | null>;
  loadedAt: number;
  /** The answer once it came: kept to bridge an outage of the volunteers service. */
  settled?: { value: MemberRights | null };
}

/** As long as an access token lives: no answer older than that is ever served. */
const MAX_STALE_MS = 15 * 60 * 1000;

function isOutage(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    (error.code === ErrorCode.SERVICE_UNAVAILABLE || error.code === ErrorCode.SERVICE_TIMEOUT)
  );
}

const codec = JSONCodec<RightsChanged>();

/**
 * Members' current rights, cached per process and forgotten the moment the
 * volunteers service broadcasts a change (`volunteers.rights.changed`, heard
 * by every copy of every service). A broadcast is at most once, so the cache
 * is also emptied whenever the connection drops or reconnects, and an entry
 * lives at most `ttlMs` in any case. When the volunteers service cannot be
 * reached, an entry past `ttlMs` that no broadcast has emptied is served
 * still, for as long as an access token lives: an outage of one service does
 * not sign everybody out, and no announced change is ever ignored.
 */
export class RightsCache {
  private readonly logger = new Logger('RightsCache');
  private readonly entries = new Map<string, Entry>();
  private connection: NatsConnection | null = null;
  /** Bumped on every invalidation, so a lookup that started before one is not cached after it. */
  private generation = 0;

  constructor(
    private readonly options: RightsCacheOptions,
    private readonly lookup: RightsLookup,
  ) {}

  async start(): Promise<void> {
    const connection = await connect({
      servers: this.options.servers,
      name: `${this.options.name}-rights`,
      maxReconnectAttempts: -1,
    });
    this.connection = connection;
    connection.subscribe(subjectFor(this.options.prefix, VolunteersBroadcasts.rightsChanged), {
      callback: (error, message) => {
        if (error) return this.forgetAll();
        try {
          this.forget(codec.decode(message.data).memberId);
        } catch {
          this.forgetAll();
        }
      },
    });
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === Events.Disconnect || status.type === Events.Reconnect) {
          this.forgetAll();
        }
      }
    })();
  }

  async stop(): Promise<void> {
    await this.connection?.drain().catch(() => undefined);
    this.connection = null;
    this.forgetAll();
  }

  /** The member's current rights (null when there is no such member). */
  get(memberId: string): Promise<MemberRights | null> {
    const cached = this.entries.get(memberId);
    const age = cached ? Date.now() - cached.loadedAt : Infinity;
    if (cached && age < this.options.ttlMs) return cached.rights;
    const generation = this.generation;
    const stale = age < MAX_STALE_MS ? cached?.settled : undefined;
    const rights = this.lookup(memberId).catch((error: unknown) => {
      if (stale && isOutage(error) && generation === this.generation) return stale.value;
      throw error;
    });
    const entry: Entry = { rights, loadedAt: Date.now() };
    this.entries.set(memberId, entry);
    this.trim();
    rights.then(
      (value) => {
        // A change announced while this lookup was under way may not be in its answer.
        if (generation !== this.generation && this.entries.get(memberId) === entry) {
          this.entries.delete(memberId);
        }
        // An answer bridged from before an outage keeps its own age.
        if (stale && value === stale.value) entry.loadedAt = cached!.loadedAt;
        entry.settled = { value };
      },
      () => {
        if (this.entries.get(memberId) === entry) this.entries.delete(memberId);
      },
    );
    return rights;
  }

  /** Announces a change to every copy of every service (the volunteers service calls it after commit). */
  announce(memberId: string): void {
    this.forget(memberId);
    if (!this.connection) return;
    this.connection.publish(
      subjectFor(this.options.prefix, VolunteersBroadcasts.rightsChanged),
      codec.encode({ memberId }),
    );
  }

  forget(memberId: string): void {
    this.generation += 1;
    this.entries.delete(memberId);
  }

  private forgetAll(): void {
    this.generation += 1;
    if (this.entries.size > 0) this.logger.debug(`forgetting ${this.entries.size} cached rights`);
    this.entries.clear();
  }

  /** Maps keep insertion order: the oldest entries go first. */
  private trim(): void {
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
