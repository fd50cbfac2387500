import {
  AfterCommit,
  DomainError,
  ErrorCode,
  fieldError,
  JetStreamConnection,
  subjectFor,
} from '@app/common';
import {
  Actor,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  Locale,
  NotificationCreated,
  NotificationPage,
  NotificationsQueryDto,
  UnreadCountView,
  VolunteersBroadcasts,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { JSONCodec } from 'nats';
import { EntityManager } from 'typeorm';
import { VolunteersConfig } from '../volunteers.config';
import { NotificationDraft } from './notification-rules';
import { toNotificationView } from './notification-views';
import { NotificationsRepository } from './notifications.repository';

const MAX_BIGINT = 9223372036854775807n;
const codec = JSONCodec<NotificationCreated>();

/**
 * Members' notifications: kept from the events (once per event, member and
 * kind), read by their member only, rendered in the member's language as it
 * is when read, and announced to the gateways' open streams after commit.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly jetstream: JetStreamConnection,
    private readonly config: VolunteersConfig,
  ) {}

  /**
   * Keeps what an event tells, in the event's transaction; once it commits,
   * each new notification is broadcast (at most once) for the open streams.
   */
  async record(
    eventId: string,
    drafts: NotificationDraft[],
    manager: EntityManager,
    afterCommit: AfterCommit,
  ): Promise<void> {
    const stored = await NotificationsRepository.in(manager).insert(eventId, drafts);
    if (stored.length === 0) return;
    const subject = subjectFor(
      this.config.NATS_SUBJECT_PREFIX,
      VolunteersBroadcasts.notificationCreated,
    );
    afterCommit(() => {
      for (const row of stored) {
        const notification = toNotificationView(row, row.locale, this.config.CITY_TIME_ZONE);
        this.jetstream.publish(subject, codec.encode({ memberId: row.memberId, notification }));
      }
    });
  }

  /** The active coordinators of a community: who is told of hours waiting and disputes. */
  coordinatorsOf(communityId: string, manager: EntityManager): Promise<string[]> {
    return NotificationsRepository.in(manager).coordinatorsOf(communityId);
  }

  async list(actor: Actor | null, query: NotificationsQueryDto): Promise<NotificationPage> {
    const { memberId, locale } = await this.me(actor);
    const cursor = decodeCursor<{ s: string }>(query.cursor, ['s']);
    if (
      cursor === null ||
      (cursor && !(/^\d{1,19}$/.test(cursor.s) && BigInt(cursor.s) <= MAX_BIGINT))
    ) {
      throw DomainError.validation([fieldError('cursor', 'field.cursorNotOurs')]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.notifications.list(memberId, {
      unread: query.unread === true,
      beforeSeq: cursor?.s,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => toNotificationView(row, locale, this.config.CITY_TIME_ZONE)),
      nextCursor: rows.length > limit ? encodeCursor({ s: page[page.length - 1].seq }) : null,
    };
  }

  async unreadCount(actor: Actor | null): Promise<UnreadCountView> {
    const { memberId } = await this.me(actor);
    return { unread: await this.notifications.countUnread(memberId) };
  }

  /** Someone else's notification is as unknown as one that does not exist. */
  async read(actor: Actor | null, id: string): Promise<void> {
    const { memberId } = await this.me(actor);
    if (!(await this.notifications.markRead(memberId, id))) {
      throw DomainError.notFound('Notification');
    }
  }

  async readAll(actor: Actor | null): Promise<void> {
    const { memberId } = await this.me(actor);
    await this.notifications.markAllRead(memberId);
  }

  /** Whose notifications: the caller, with their language as it is now. */
  private async me(actor: Actor | null): Promise<{ memberId: string; locale: Locale }> {
    const locale = actor ? await this.notifications.localeOf(actor.memberId) : null;
    if (!actor || !locale) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    return { memberId: actor.memberId, locale };
  }
}
