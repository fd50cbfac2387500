export * from './service-health.controller';
