export * from './data-source-options';
export * from './ensure-database';
export * from './run-migrations';
export * from './postgres-errors';
export * from './pool-metrics';
export * from './stamped-entity';
export * from './create-indexes';
export * from './database-client';
