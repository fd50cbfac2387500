import { Handles } from '@app/common';
import {
  Actor,
  NoPayload,
  NotificationIdDto,
  NotificationPage,
  NotificationsMessages,
  NotificationsQueryDto,
  UnreadCountView,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

type Done = Record<string, never>;

@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Handles(NotificationsMessages.list)
  list(query: NotificationsQueryDto, actor: Actor | null): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Handles(NotificationsMessages.unreadCount)
  unreadCount(_payload: NoPayload, actor: Actor | null): Promise<UnreadCountView> {
    return this.notifications.unreadCount(actor);
  }

  @Handles(NotificationsMessages.read)
  async read({ id }: NotificationIdDto, actor: Actor | null): Promise<Done> {
    await this.notifications.read(actor, id);
    return {};
  }

  @Handles(NotificationsMessages.readAll)
  async readAll(_payload: NoPayload, actor: Actor | null): Promise<Done> {
    await this.notifications.readAll(actor);
    return {};
  }
}
