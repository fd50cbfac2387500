export * from './event';
export * from './event-consumers';
export * from './event-tables-janitor';
export * from './event-tables.migration';
export * from './events.module';
export * from './jetstream.connection';
export * from './outbox';
export * from './outbox-relay';
