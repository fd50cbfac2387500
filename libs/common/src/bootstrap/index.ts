export * from './bootstrap-service';
export * from './dependencies';
export * from './backend-module';
