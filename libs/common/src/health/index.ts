export * from './service-health.controller';
export * from './service-probes';
