import { Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { metricsRegistry } from './registry';

/** One labelled value of a gauge, as read at scrape time. */
export interface Sample<L extends string> {
  labels?: Partial<Record<L, string>>;
  value: number;
}

export type SampleSource<L extends string> = () => Promise<Array<Sample<L>>>;

const logger = new Logger('Metrics');

/**
 * A gauge read when Prometheus scrapes (a cheap query, a pool's counters),
 * not kept up to date by the code. Sources come and go with the application
 * that owns them (a module registers one at bootstrap, removes it at
 * shutdown), so the gauge itself is defined once per process, and joins the
 * registry with its first source: a process without one (the gateway has no
 * outbox) exports nothing rather than a misleading 0. A source that fails is
 * logged and left out of that scrape rather than failing the others.
 */
export class ScrapedGauge<L extends string = string> {
  private readonly sources = new Set<SampleSource<L>>();
  private readonly gauge: Gauge<L>;

  constructor(
    private readonly name: string,
    help: string,
    labelNames: readonly L[] = [],
  ) {
    const sources = this.sources;
    this.gauge = new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [],
      async collect() {
        this.reset();
        for (const source of sources) {
          for (const { labels, value } of await readSafely(name, source)) {
            if (labels) this.set(labels, value);
            else this.set(value);
          }
        }
      },
    });
  }

  /** Adds a source; the returned function removes it. */
  addSource(source: SampleSource<L>): () => void {
    if (!metricsRegistry.getSingleMetric(this.name)) {
      metricsRegistry.registerMetric(this.gauge);
    }
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}

async function readSafely<L extends string>(
  name: string,
  source: SampleSource<L>,
): Promise<Array<Sample<L>>> {
  try {
    return await source();
  } catch (error) {
    logger.warn(`${name}: ${(error as Error).message}`);
    return [];
  }
}
