/**
 * The notifications' texts in English, spread into en.ts: a title and a body
 * per kind (`notifications.<kind>.title|body`), rendered when read, in the
 * member's language as it is then.
 */
export const notificationsEn = {
  'notifications.badTicket':
    'The stream ticket is missing, forged or expired: ask POST /notifications/stream-ticket for a new one',
  'notFound.notification': 'Notification not found',

  'notifications.request.accepted.title': 'Your request was accepted',
  'notifications.request.accepted.body': 'A volunteer took “{request}”.',
  'notifications.request.completed.title': 'Please confirm the service',
  'notifications.request.completed.body':
    'The volunteer reported {minutes} minutes for “{request}”: confirm them or raise a dispute.',
  'notifications.request.confirmed.title': 'Your service was confirmed',
  'notifications.request.confirmed.body':
    '{minutes} minutes for “{request}” were confirmed and credited.',
  'notifications.request.disputed.title': 'Your service is disputed',
  'notifications.request.disputed.body':
    'The resident disputed the minutes of “{request}”; a coordinator will decide.',
  'notifications.request.resolved.title': 'The dispute was resolved',
  'notifications.request.resolved.body': 'A coordinator settled “{request}” at {minutes} minutes.',
  'notifications.request.expiring.title': 'Your request is about to expire',
  'notifications.request.expiring.body':
    'Nobody has taken “{request}” yet, and its time ends at {endsAt}.',
  'notifications.hours.approved.title': 'Your hours were approved',
  'notifications.hours.approved.body':
    '{minutes} minutes served on {servedOn} were approved and credited.',
  'notifications.hours.rejected.title': 'Your hours were not approved',
  'notifications.hours.rejected.body':
    '{minutes} minutes served on {servedOn} were rejected: {reason}',
  'notifications.hours.waiting.title': 'Hours waiting for review',
  'notifications.hours.waiting.body': '{volunteer} logged {minutes} minutes served on {servedOn}.',
  'notifications.dispute.opened.title': 'A dispute was opened',
  'notifications.dispute.opened.body':
    'The minutes of “{request}” are disputed and wait for your decision.',
  'notifications.voucher.redeemed.title': 'Your voucher was used',
  'notifications.voucher.redeemed.body': 'Your voucher for “{offer}” was redeemed.',
  'notifications.voucher.expiring.title': 'Your voucher expires soon',
  'notifications.voucher.expiring.body':
    'Your voucher for “{offer}” expires on {expiresOn}: use it before then.',
  'notifications.tier.reached.title': 'A new tier',
  'notifications.tier.reached.body': 'You are now a {tier}. Thank you for your service!',
  'notifications.activity.tomorrow.title': 'Your activity is tomorrow',
  'notifications.activity.tomorrow.body': '“{activity}” starts at {startsAt}, at {place}.',
  'notifications.activity.cancelled.title': 'An activity was cancelled',
  'notifications.activity.cancelled.body': '“{activity}” was cancelled: {reason}',
  'notifications.activity.paid.title': 'Your activity hours were credited',
  'notifications.activity.paid.body': '{minutes} minutes for “{activity}” were credited.',
  'notifications.activity.promoted.title': 'You have a place',
  'notifications.activity.promoted.body':
    'A place freed up: you are now signed up for “{activity}” ({startsAt}).',
} as const;
