export * from './actor';
export * from './page';
export * from './roles';
export * from './validators';
export * from './person';
export * from './city-time';
