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
