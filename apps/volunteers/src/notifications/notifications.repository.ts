import { Locale } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { NotificationDraft } from './notification-rules';
import { NotificationRow } from './notification-views';

const COLUMNS = `n.id, n.seq::text AS seq, n.member_id AS "memberId", n.kind, n.params, n.link,
  n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** A stored notification with its member's language, to render it at once. */
export type StoredNotification = NotificationRow & { locale: Locale };

/** Every query of members' notifications. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside a caller's transaction (an event's). */
  static in(manager: EntityManager): NotificationsRepository {
    return new NotificationsRepository(manager);
  }

  /**
   * Keeps what one event tells its members, each once: a second delivery of
   * the event inserts nothing (UNIQUE (event_id, member_id, kind)), and a member
   * who does not exist is skipped. Returns the rows inserted, each with its
   * member's language.
   */
  async insert(eventId: string, drafts: NotificationDraft[]): Promise<StoredNotification[]> {
    if (drafts.length === 0) return [];
    return this.manager.query<StoredNotification[]>(
      `WITH inserted AS (
         INSERT INTO volunteers.notifications (id, member_id, kind, params, link, event_id)
         SELECT d.id, d.member_id, d.kind, d.params, d.link, $6
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[])
                  AS d (id, member_id, kind, params, link)
           JOIN volunteers.members m ON m.id = d.member_id
         ON CONFLICT (event_id, member_id, kind) DO NOTHING
         RETURNING *)
       SELECT ${COLUMNS}, m.locale
         FROM inserted n JOIN volunteers.members m ON m.id = n.member_id
        ORDER BY n.seq`,
      [
        drafts.map(() => randomUUID()),
        drafts.map((d) => d.memberId),
        drafts.map((d) => d.kind),
        drafts.map((d) => JSON.stringify(d.params)),
        drafts.map((d) => d.link),
        eventId,
      ],
    );
  }

  /** The active coordinators of a community (the rights columns of members). */
  async coordinatorsOf(communityId: string): Promise<string[]> {
    const rows = await this.manager.query<Array<{ id: string }>>(
      `SELECT id FROM volunteers.members
        WHERE $1 = ANY (coordinator_of) AND 'coordinator' = ANY (roles) AND status = 'active'
        ORDER BY id`,
      [communityId],
    );
    return rows.map((row) => row.id);
  }

  /** The member's language as it is now; null when there is no such member. */
  async localeOf(memberId: string): Promise<Locale | null> {
    const [row] = await this.manager.query<Array<{ locale: Locale }>>(
      'SELECT locale FROM volunteers.members WHERE id = $1',
      [memberId],
    );
    return row?.locale ?? null;
  }

  /** One page of the member's notifications, newest first, before `beforeSeq`. */
  list(
    memberId: string,
    filter: { unread: boolean; beforeSeq: string | undefined; limit: number },
  ): Promise<NotificationRow[]> {
    return this.manager.query<NotificationRow[]>(
      `SELECT ${COLUMNS} FROM volunteers.notifications n
        WHERE n.member_id = $1
          AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)
          AND ($3::bigint IS NULL OR n.seq < $3::bigint)
        ORDER BY n.seq DESC
        LIMIT $4`,
      [memberId, filter.unread, filter.beforeSeq ?? null, filter.limit],
    );
  }

  async countUnread(memberId: string): Promise<number> {
    const [row] = await this.manager.query<Array<{ unread: number }>>(
      `SELECT count(*)::int AS unread FROM volunteers.notifications
        WHERE member_id = $1 AND read_at IS NULL`,
      [memberId],
    );
    return row.unread;
  }

  /** Marks one of the member's own read (once: the first time stands); false when it is not theirs. */
  async markRead(memberId: string, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, count].
    const [, count] = await this.manager.query<[unknown[], number]>(
      `UPDATE volunteers.notifications SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND member_id = $2`,
      [id, memberId],
    );
    return count > 0;
  }

  async markAllRead(memberId: string): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.notifications SET read_at = now()
        WHERE member_id = $1 AND read_at IS NULL`,
      [memberId],
    );
  }
}
