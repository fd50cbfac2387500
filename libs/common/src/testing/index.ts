export * from './test-database';
export * from './service-copies';
