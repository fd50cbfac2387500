export * from './actor';
export * from './page';
export * from './roles';
export * from './validators';
export * from './person';
export * from './city-time';
export * from './dates';
export * from './verified-service';
