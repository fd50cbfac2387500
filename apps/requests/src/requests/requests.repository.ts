import { Outbox, OutboxEntry, outboxEntry } from '@app/common';
import {
  RequestCategory,
  RequestsQueue,
  RequestClosedEvent,
  RequestsEvents,
  RequestStatus,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Brackets, EntityManager } from 'typeorm';
import { RatingEntity } from '../ratings/ratings.entity';
import { RequestChanges, RequestStep } from './request-rules';
import { RequestViewer } from './request-visibility';
import { HelpRequestEntity, RequestStepEntity } from './requests.entity';

export type NewHelpRequest = Pick<
  HelpRequestEntity,
  | 'id'
  | 'title'
  | 'description'
  | 'category'
  | 'requesterId'
  | 'createdBy'
  | 'communityId'
  | 'gridUnitId'
  | 'windowStart'
  | 'windowEnd'
  | 'estimatedMinutes'
  | 'funding'
  | 'holdId'
  | 'createFingerprint'
  | 'createdAt'
>;

export interface RequestFilter {
  status?: RequestStatus;
  communityId?: string;
  category?: RequestCategory;
  /** Only requests this member posted for themselves or took. */
  mineOf?: string;
  requesterId?: string;
  volunteerId?: string;
}

/** Whose list it is: their grid unit first, then their community, then the rest. */
export interface ListViewer {
  gridUnitId: string | null;
  communityId: string | null;
}

export interface ListPosition {
  rank: number;
  windowStart: Date;
  id: string;
}

const RANK = `CASE WHEN r.grid_unit_id = CAST(:viewerGridUnitId AS uuid) THEN 0
  WHEN r.community_id = CAST(:viewerCommunityId AS uuid) THEN 1 ELSE 2 END`;

interface RequestExpiringRow {
  id: string;
  title: string;
  category: string;
  requester_id: string;
  volunteer_id: string | null;
  community_id: string;
  window_end: Date;
}

@Injectable()
export class RequestsRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  private get requests() {
    return this.manager.getRepository(HelpRequestEntity);
  }

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(work: (requests: RequestsRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) =>
      work(new RequestsRepository(manager, this.outbox)),
    );
  }

  findById(id: string): Promise<HelpRequestEntity | null> {
    return this.requests.findOneBy({ id });
  }

  /** Reads and locks the request until the transaction ends (call inside `transaction`). */
  findByIdForUpdate(id: string): Promise<HelpRequestEntity | null> {
    return this.requests
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  /**
   * Stores a new open request and the step that posted it, in one transaction;
   * null when a request with its id exists already (a retry).
   */
  insert(request: NewHelpRequest, posted: RequestStep): Promise<HelpRequestEntity | null> {
    return this.manager.transaction(async (manager) => {
      const requests = manager.getRepository(HelpRequestEntity);
      const inserted = await requests
        .createQueryBuilder()
        .insert()
        .values({ ...request, status: 'open' })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return null;
      await manager.getRepository(RequestStepEntity).insert(posted);
      return requests.findOneByOrFail({ id: request.id });
    });
  }

  /** Appends a step to a request's history (call inside `transaction`, with the change). */
  async addStep(step: RequestStep): Promise<void> {
    await this.manager.getRepository(RequestStepEntity).insert(step);
  }

  /** A request's history, oldest first. */
  stepsOf(requestId: string): Promise<RequestStepEntity[]> {
    return this.manager
      .getRepository(RequestStepEntity)
      .find({ where: { requestId }, order: { seq: 'ASC' } });
  }

  /**
   * Writes a transition to a request this transaction has locked, and returns
   * it as it now stands: what it was, with the changes and the time (no read
   * again, since nobody else can have changed the locked row).
   */
  async update(
    locked: HelpRequestEntity,
    changes: RequestChanges & Partial<Pick<HelpRequestEntity, 'settleKey' | 'settleFingerprint'>>,
    at: Date,
  ): Promise<HelpRequestEntity> {
    const stamped = { ...changes, updatedAt: at };
    await this.requests.update({ id: locked.id }, stamped);
    return this.requests.create({ ...locked, ...stamped });
  }

  async addRating(rating: Omit<RatingEntity, 'createdAt'>): Promise<void> {
    await this.manager.getRepository(RatingEntity).insert(rating);
  }

  async ratingsOf(requestIds: string[]): Promise<Map<string, RatingEntity>> {
    if (requestIds.length === 0) return new Map();
    const ratings = await this.manager
      .getRepository(RatingEntity)
      .createQueryBuilder('g')
      .where('g.request_id = ANY(:ids)', { ids: requestIds })
      .getMany();
    return new Map(ratings.map((g) => [g.requestId, g]));
  }

  /** Events of the request's life, in the transaction of the step. */
  async announce(entries: readonly OutboxEntry[]): Promise<void> {
    await this.outbox.addMany(this.manager, entries);
  }

  /**
   * One page of what `seer` may see, in the viewer's order (rank, window start,
   * id), after `after`. The visibility filter is maySee (request-visibility.ts)
   * in SQL: change one, change both.
   */
  list(
    filter: RequestFilter,
    seer: RequestViewer,
    viewer: ListViewer,
    after: ListPosition | null,
    limit: number,
  ): Promise<HelpRequestEntity[]> {
    const query = this.requests.createQueryBuilder('r').setParameters({
      viewerGridUnitId: viewer.gridUnitId,
      viewerCommunityId: viewer.communityId,
    });
    if (!seer.admin) {
      query.andWhere(
        new Brackets((visible) => {
          visible
            .where('r.requester_id = :seer', { seer: seer.memberId })
            .orWhere('r.volunteer_id = :seer')
            .orWhere('r.community_id = ANY(CAST(:coordinated AS uuid[]))', {
              coordinated: seer.coordinatorOf,
            });
          if (seer.volunteer) visible.orWhere(`r.status = 'open'`);
        }),
      );
    }
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.communityId) {
      query.andWhere('r.community_id = :communityId', { communityId: filter.communityId });
    }
    if (filter.category) query.andWhere('r.category = :category', { category: filter.category });
    if (filter.mineOf) {
      query.andWhere(
        new Brackets((mine) =>
          mine
            .where('r.requester_id = :me', { me: filter.mineOf })
            .orWhere('r.volunteer_id = :me', { me: filter.mineOf }),
        ),
      );
    }
    if (filter.requesterId) {
      query.andWhere('r.requester_id = :requesterId', { requesterId: filter.requesterId });
    }
    if (filter.volunteerId) {
      query.andWhere('r.volunteer_id = :volunteerId', { volunteerId: filter.volunteerId });
    }
    if (after) {
      query.andWhere(`(${RANK}, r.window_start, r.id) > (:rank, :windowStart, :id)`, {
        rank: after.rank,
        windowStart: after.windowStart,
        id: after.id,
      });
    }
    return query
      .orderBy(RANK, 'ASC')
      .addOrderBy('r.window_start', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** What waits for a coordinator of the community: disputes, and services not yet confirmed. */
  async queueOf(communityId: string): Promise<RequestsQueue> {
    const [row] = await this.manager.query<Array<RequestsQueue>>(
      `SELECT count(*) FILTER (WHERE status = 'disputed')::int AS "disputesOpen",
              count(*) FILTER (WHERE status = 'completed')::int AS "requestsToConfirm"
         FROM requests.help_requests
        WHERE community_id = $1 AND status IN ('disputed', 'completed')`,
      [communityId],
    );
    return row;
  }

  /**
   * Marks up to `batch` open requests whose window ends within `hours` and
   * announces each to its requester, in one transaction. The mark and SKIP
   * LOCKED make it once per request, however many copies of the service run.
   */
  async warnExpiring(hours: number, batch: number): Promise<number> {
    return this.manager.transaction(async (manager) => {
      const [rows] = await manager.query<[RequestExpiringRow[], number]>(
        `UPDATE requests.help_requests SET expiry_warned_at = now()
          WHERE id IN (SELECT id FROM requests.help_requests
                        WHERE status = 'open' AND expiry_warned_at IS NULL
                          AND window_end > now()
                          AND window_end <= now() + make_interval(hours => $2)
                        ORDER BY window_end
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
          RETURNING id, title, category, requester_id, volunteer_id, community_id, window_end`,
        [batch, hours],
      );
      const at = new Date().toISOString();
      await this.outbox.addMany(
        manager,
        rows.map((row) =>
          outboxEntry(RequestsEvents.requestExpiring, {
            requestId: row.id,
            title: row.title,
            category: row.category,
            requesterId: row.requester_id,
            volunteerId: row.volunteer_id,
            communityId: row.community_id,
            at,
            windowEnd: row.window_end.toISOString(),
          }),
        ),
      );
      return rows.length;
    });
  }

  /**
   * Expires up to `batch` open requests whose window has passed, announcing
   * each and writing its step (by nobody: the service) in the same
   * transaction. SKIP LOCKED lets copies of the service run this side by
   * side: each request is expired, and announced, once.
   */
  async expireDue(batch: number): Promise<number> {
    return this.manager.transaction(async (manager) => {
      const [rows] = await manager.query<[Array<{ id: string; hold_id: string }>, number]>(
        `UPDATE requests.help_requests
            SET status = 'expired', expired_at = now(), updated_at = now()
          WHERE status = 'open'
            AND id IN (SELECT id FROM requests.help_requests
                        WHERE status = 'open' AND window_end <= now()
                        ORDER BY window_end
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
          RETURNING id, hold_id`,
        [batch],
      );
      await manager.query(
        `INSERT INTO requests.help_request_steps (request_id, action, status, at)
         SELECT unnest($1::uuid[]), 'expired', 'expired', now()`,
        [rows.map((row) => row.id)],
      );
      const closed: RequestClosedEvent[] = rows.map((row) => ({
        requestId: row.id,
        holdId: row.hold_id,
        reason: 'expired',
      }));
      await this.outbox.addMany(
        manager,
        closed.map((data) => ({ type: RequestsEvents.requestClosed, data })),
      );
      return rows.length;
    });
  }
}
