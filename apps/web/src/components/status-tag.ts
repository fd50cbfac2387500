/**
 * The tone each state of a thing is shown in by StatusTag (its words are the
 * catalogue's `<kind>.status.<state>`): blue while it is open, green once it went
 * well, amber while it waits for someone, red when it is in dispute, grey once it is
 * over without happening. One table a kind, so a new state without a tone does not compile.
 */
import type { Activity } from './activities/activity';
import type { RequestStatus } from './requests/categories';

export type StatusTone = 'blue' | 'green' | 'amber' | 'red' | 'grey';

export const STATUS_TONES = {
  requests: {
    open: 'blue',
    accepted: 'green',
    confirmed: 'green',
    completed: 'amber',
    disputed: 'red',
    cancelled: 'grey',
    expired: 'grey',
  } satisfies Record<RequestStatus, StatusTone>,
  activities: {
    published: 'blue',
    closed: 'green',
    cancelled: 'grey',
  } satisfies Record<Activity['status'], StatusTone>,
} as const;

export type StatusKind = keyof typeof STATUS_TONES;
