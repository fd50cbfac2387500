/** The English words, one module per area, each checked against the Chinese. */
export { default as common } from './common';
export { default as auth } from './auth';
export { default as settings } from './settings';
export { default as me } from './me';
export { default as requests } from './requests';
export { default as volunteer } from './volunteer';
export { default as activities } from './activities';
export { default as credits } from './credits';
export { default as console } from './console';
export { default as counter } from './counter';
export { default as admin } from './admin';
export { default as notifications } from './notifications';
