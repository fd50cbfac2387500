export * from './dates';
export * from './hours.dto';
export * from './service-record.dto';
export * from './subjects';
