export * from './test-database';
export * from './handled-messages';
