export * from './common';
export * from './identity';
export * from './services';
export * from './ledger';
export * from './service';
export * from './hours';
export * from './reports';
export * from './requests';
