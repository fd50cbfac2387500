import { DataSource } from 'typeorm';
import { PeriodicTask } from '../schedule/periodic-task';

const HOUR_MS = 3600_000;
/** Published events are only kept for looking into what happened. */
export const OUTBOX_KEEP_DAYS = 7;
/**
 * Keeps the outbox and inbox from growing forever: prunes what can no longer
 * matter, hourly. An inbox entry is kept a day longer than a stream keeps a
 * message (EVENT_MAX_AGE_DAYS), so a redelivery is always recognised.
 */
export class EventTablesJanitor extends PeriodicTask {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly streamMaxAgeDays: number,
  ) {
    super({ name: 'EventTablesJanitor', intervalMs: HOUR_MS, runAtStart: true });
  }

  protected round(): Promise<unknown> {
    return this.prune();
  }

  async prune(): Promise<{ outbox: number; inbox: number }> {
    const [, outbox] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM "${this.schema}".outbox
        WHERE published_at < now() - make_interval(days => $1)`,
      [OUTBOX_KEEP_DAYS],
    );
    const [, inbox] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM "${this.schema}".inbox WHERE applied_at < now() - make_interval(days => $1)`,
      [this.streamMaxAgeDays + 1],
    );
    return { outbox, inbox };
  }
}
