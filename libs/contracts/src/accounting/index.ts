export * from './events';
export * from './hold-owner';
export * from './ledger.dto';
export * from './ledger.types';
export * from './tiers';
export * from './messages';
