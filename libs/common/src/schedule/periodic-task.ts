import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { periodicTaskFailures } from '../metrics/suite-metrics';

export interface PeriodicSchedule {
  /** Names the task in the log and in `timebank_periodic_task_failures_total`. */
  name: string;
  intervalMs: number;
  /** Run the first round as the application starts (true) or one interval later (false). */
  runAtStart: boolean;
}

/**
 * Periodic work, the one way every service does it: a subclass says what one
 * round does. Rounds never overlap (a tick while one is at work is skipped), a
 * failed round is logged and counted and the next comes as usual, and shutdown
 * waits for the round in flight. The timer never keeps the process alive.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  protected constructor(private readonly schedule: PeriodicSchedule) {
    this.logger = new Logger(schedule.name);
  }

  /** One round of the work. */
  protected abstract round(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.schedule.intervalMs);
    this.timer.unref();
    if (this.schedule.runAtStart) this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.round()
      .then(() => undefined)
      .catch((error: Error) => {
        periodicTaskFailures.inc({ task: this.schedule.name });
        this.logger.warn(`round failed: ${error.message}`);
      })
      .finally(() => (this.running = undefined));
  }
}
