export * from './actor-check';
export * from './actor-rights.interceptor';
export * from './rights-cache';
export * from './rights.providers';
