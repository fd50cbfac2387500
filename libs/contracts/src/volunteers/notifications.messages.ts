import { message, NoPayload, reply } from '../message';
import {
  NotificationIdDto,
  NotificationPage,
  NotificationsQueryDto,
  UnreadCountView,
} from './notifications.dto';

/** The answer of a command that has nothing to say but that it was done. */
type Done = Record<string, never>;

/**
 * The notifications module of the volunteers service: the caller's own
 * notifications (the actor is whose), rendered in the member's language.
 */
export const NotificationsMessages = {
  list: message('volunteers.notification.list', NotificationsQueryDto, reply<NotificationPage>()),
  unreadCount: message('volunteers.notification.unread-count', NoPayload, reply<UnreadCountView>()),
  read: message('volunteers.notification.read', NotificationIdDto, reply<Done>()),
  readAll: message('volunteers.notification.read-all', NoPayload, reply<Done>()),
} as const;
