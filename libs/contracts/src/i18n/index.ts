export * from './en';
export * from './zh-CN';
export * from './locale';
export * from './translate';
export * from './field-message';
export * from './names';
