export * from './community.dto';
export * from './member.dto';
export * from './subjects';
export * from './volunteer-profile.dto';
export * from './events';
export * from './session.dto';
export * from './card-number';
