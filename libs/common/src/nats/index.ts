export * from './envelope';
export * from './in-flight';
export * from './handles.decorator';
export * from './prefixed-nats.server';
export * from './rpc-call.interceptor';
export * from './rpc-exception.filter';
export * from './validation.pipe';
export * from './service-client';
