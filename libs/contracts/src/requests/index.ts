export * from './requests.dto';
export * from './requests.types';
export * from './events';
export * from './messages';
