export * from './envelope';
export * from './in-flight';
export * from './prefixed-nats.client';
export * from './prefixed-nats.server';
export * from './rpc-context.interceptor';
export * from './rpc-exception.filter';
export * from './validation.pipe';
export * from './service-client';
