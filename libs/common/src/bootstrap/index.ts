export * from './bootstrap-service';
export * from './dependencies';
