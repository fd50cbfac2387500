export * from './carriers';
export * from './event-span';
export * from './spans';
export * from './tracing';
