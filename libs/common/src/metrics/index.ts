export * from './metrics-server';
export * from './registry';
export * from './scraped-gauge';
export * from './suite-metrics';
