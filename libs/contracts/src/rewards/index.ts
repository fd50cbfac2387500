export * from './rewards.dto';
export * from './rewards.types';
export * from './events';
export * from './messages';
