import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { dbPoolConnections, dbPoolWaiting } from '../metrics/suite-metrics';

/**
 * Reports the data source's pg pool at each scrape: connections in use and
 * idle, and queries waiting for one (a pool too small, or connections held
 * too long). Returns the function that stops reporting it.
 */
export function reportPool(dataSource: DataSource): () => void {
  const pool = () => (dataSource.driver as PostgresDriver).master as Pool;
  const removeConnections = dbPoolConnections.addSource(() => {
    const { totalCount, idleCount } = pool();
    return Promise.resolve([
      { labels: { state: 'in_use' }, value: totalCount - idleCount },
      { labels: { state: 'idle' }, value: idleCount },
    ]);
  });
  const removeWaiting = dbPoolWaiting.addSource(() =>
    Promise.resolve([{ value: pool().waitingCount }]),
  );
  return () => {
    removeConnections();
    removeWaiting();
  };
}
