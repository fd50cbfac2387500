import type { Messages } from '../zh-CN';

/** The notifications: the bell, the list and what arrives by itself. */
export default {
  title: 'Notifications',
  bell: {
    none: 'Notifications',
    unread: 'Notifications, {n} unread',
  },
  unread: 'Unread',
  unreadCount: '{n} unread',
  allRead: 'All read',
  markAllRead: 'Mark all as read',
  markAllFailed: 'Could not mark them as read',
  empty:
    'No notifications yet. When someone takes your request, your hours are approved or an activity changes, you will find it here.',
} satisfies Messages['notifications'];
