/**
 * Plain NATS broadcasts (every copy of every service hears them, no queue
 * group): at most once, so listeners also forget what they cached after a
 * reconnect and after a short time to live.
 */
export const VolunteersBroadcasts = {
  /** A member's rights changed: drop what you cached of them. Payload `RightsChanged`. */
  rightsChanged: 'volunteers.rights.changed',
  /** A new notification for a member's open streams. Payload `NotificationCreated`. */
  notificationCreated: 'volunteers.notification.created',
} as const;
