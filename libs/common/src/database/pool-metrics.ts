import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { dbPoolConnections, dbPoolWaiting } from '../metrics/suite-metrics';

/**
 * Reports the data source's pg pool at each scrape, for the life of the
 * process: connections in use and idle, and queries waiting for one (a pool
 * too small, or connections held too long).
 */
export function reportPool(dataSource: DataSource): void {
  const pool = () => (dataSource.driver as PostgresDriver).master as Pool;
  dbPoolConnections.addSource(() => {
    const { totalCount, idleCount } = pool();
    return Promise.resolve([
      { labels: { state: 'in_use' }, value: totalCount - idleCount },
      { labels: { state: 'idle' }, value: idleCount },
    ]);
  });
  dbPoolWaiting.addSource(() => Promise.resolve([{ value: pool().waitingCount }]));
}
