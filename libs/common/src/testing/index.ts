export * from './test-database';
export * from './handled-messages';
export * from './service-copies';
export * from './refusal';
