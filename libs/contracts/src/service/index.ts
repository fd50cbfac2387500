export * from './hours-verified';
