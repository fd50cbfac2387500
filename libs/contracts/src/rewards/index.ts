export * from './rewards.dto';
export * from './rewards.types';
export * from './subjects';
export * from './events';
export * from './messages';
