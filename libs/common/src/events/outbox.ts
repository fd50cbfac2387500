import { EventType } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { currentRequestId } from '../logging/logger';
import { traceContextFields } from '../tracing/carriers';

/** One event to write; `outboxEntry` makes it, so its payload is checked against the event's type. */
export interface OutboxEntry {
  readonly type: EventType<unknown>;
  readonly data: unknown;
}

export function outboxEntry<T>(type: EventType<T>, data: T): OutboxEntry {
  return { type, data };
}

/**
 * Writes events into the service's outbox inside the caller's transaction, so
 * an event exists exactly when the change it announces was committed, with the
 * request id and trace context of the work that caused it. The relay publishes
 * it; a NOTIFY at commit wakes this process's relay at once.
 */
export class Outbox {
  /**
   * Names this process in its NOTIFYs, so that only its own relay wakes for its
   * commits. Every copy's relay waking for every copy's commit made them race
   * for the same rows (SKIP LOCKED): twice the relay transactions, half the rows
   * each. A copy that dies between a commit and its relay leaves its rows to the
   * others' 1 s poll.
   */
  readonly origin = randomUUID();

  constructor(private readonly schema: string) {}

  get channel(): string {
    return `${this.schema}_outbox`;
  }

  async add<T>(manager: EntityManager, type: EventType<T>, data: T): Promise<string> {
    const [id] = await this.addMany(manager, [outboxEntry(type, data)]);
    return id;
  }

  /** Several events in one insert: build each with `outboxEntry`, which checks its payload's type. */
  async addMany(manager: EntityManager, events: readonly OutboxEntry[]): Promise<string[]> {
    if (events.length === 0) return [];
    const ids = events.map(() => randomUUID());
    const fields = traceContextFields();
    const traceContext = fields && JSON.stringify(fields);
    // The rows and the NOTIFY in one round trip: a transaction holds its connection for
    // every statement, and under load the waits between statements are what cost.
    await manager.query(
      `WITH inserted AS (
         INSERT INTO "${this.schema}".outbox (id, subject, payload, request_id, trace_context)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::jsonb[])
         RETURNING 1)
       SELECT pg_notify($6, $7) FROM (SELECT count(*) FROM inserted) AS written`,
      [
        ids,
        events.map((e) => e.type.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map(() => currentRequestId() ?? null),
        events.map(() => traceContext),
        this.channel,
        this.origin,
      ],
    );
    return ids;
  }
}
