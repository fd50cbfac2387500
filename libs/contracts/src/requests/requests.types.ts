export const REQUEST_CATEGORIES = [
  'companionship',
  'escort',
  'errands',
  'home_repair',
  'cleaning',
  'tutoring',
  'tech_help',
  'meals',
  'other',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_STATUSES = [
  'open',
  'accepted',
  'completed',
  'confirmed',
  'disputed',
  'cancelled',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * The steps of a request's history (`HelpRequestView.history`), each one a
 * change of status by someone: posted, taken, given back, done, settled or ended.
 */
export const REQUEST_STEP_ACTIONS = [
  'posted',
  'accepted',
  'released',
  'completed',
  'confirmed',
  'disputed',
  'resolved',
  'cancelled',
  'expired',
] as const;
export type RequestStepAction = (typeof REQUEST_STEP_ACTIONS)[number];

/** Who pays the volunteer: the requester, or the community fund for a priority household. */
export const REQUEST_FUNDINGS = ['requester', 'community'] as const;
export type RequestFunding = (typeof REQUEST_FUNDINGS)[number];

/** Minutes of one piece of service: at most a day. */
export const MAX_SERVICE_MINUTES = 1440;

/**
 * How far ahead a help request's window may end. The payer's hold expires a
 * grace period after the window (requests service), so this also bounds the
 * hold: nobody's credits are held for years by one request.
 */
export const MAX_WINDOW_END_DAYS = 365;
