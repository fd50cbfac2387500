import { idempotencyMismatch, Outbox, violatedUniqueConstraint } from '@app/common';
import { HourLogStatus, HoursVerifiedEvent, VolunteersEvents } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Brackets, EntityManager } from 'typeorm';
import { HourLogEntity } from './hours.entity';
import { ListScope } from './hour-rules';

export interface NewHourLog {
  volunteerId: string;
  communityId: string;
  minutes: number;
  servedOn: string;
  description: string;
}

export interface HourLogFilter {
  scope: ListScope;
  status?: HourLogStatus;
  communityId?: string;
  volunteerId?: string;
  /** Only logs older than this position (the cursor). */
  beforeSeq?: string;
  limit: number;
}

@Injectable()
export class HoursRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  private get logs() {
    return this.manager.getRepository(HourLogEntity);
  }

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(work: (hours: HoursRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) => work(new HoursRepository(manager, this.outbox)));
  }

  /** The volunteers' names now (members live in this service): the hours views name them. */
  async volunteerNamesOf(volunteerIds: string[]): Promise<Map<string, string>> {
    if (volunteerIds.length === 0) return new Map();
    const rows = await this.manager.query<Array<{ id: string; display_name: string }>>(
      `SELECT id, display_name FROM volunteers.members WHERE id = ANY($1::uuid[])`,
      [[...new Set(volunteerIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /**
   * Serialises logging for one volunteer and day until the transaction ends,
   * so two logs sent at once cannot both fit under the daily limit.
   */
  async lockVolunteerDay(volunteerId: string, servedOn: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `hour_logs:${volunteerId}:${servedOn}`,
    ]);
  }

  /** Minutes the volunteer has logged for the day and not had rejected. */
  async minutesCountedOn(volunteerId: string, servedOn: string): Promise<number> {
    const [row]: Array<{ minutes: string }> = await this.manager.query(
      `SELECT coalesce(sum(minutes), 0) AS minutes FROM volunteers.hour_logs
        WHERE volunteer_id = $1 AND served_on = $2 AND status IN ('pending', 'approved')`,
      [volunteerId, servedOn],
    );
    return Number(row.minutes);
  }

  /** Stores the log and announces it to the community's coordinators, in the same transaction. */
  async insert(log: NewHourLog): Promise<HourLogEntity> {
    const saved = await this.logs.save(this.logs.create({ ...log, status: 'pending' }));
    const names = await this.volunteerNamesOf([log.volunteerId]);
    await this.outbox.add(this.manager, VolunteersEvents.hoursLogged, {
      logId: saved.id,
      volunteerId: log.volunteerId,
      volunteerName: names.get(log.volunteerId) ?? '',
      communityId: log.communityId,
      minutes: log.minutes,
      servedOn: log.servedOn,
    });
    return this.logs.findOneByOrFail({ id: saved.id });
  }

  findById(id: string): Promise<HourLogEntity | null> {
    return this.logs.findOneBy({ id });
  }

  /** Reads and locks the log until the transaction ends (call inside `transaction`). */
  findByIdForUpdate(id: string): Promise<HourLogEntity | null> {
    return this.logs
      .createQueryBuilder('h')
      .setLock('pessimistic_write')
      .where('h.id = :id', { id })
      .getOne();
  }

  async countPending(communityId: string): Promise<number> {
    const [row] = await this.manager.query<Array<{ pending: number }>>(
      `SELECT count(*)::int AS pending FROM volunteers.hour_logs
        WHERE community_id = $1 AND status = 'pending'`,
      [communityId],
    );
    return row.pending;
  }

  /** Newest first; one more than `limit` so the caller knows whether a next page exists. */
  list(filter: HourLogFilter): Promise<HourLogEntity[]> {
    const query = this.logs
      .createQueryBuilder('h')
      .orderBy('h.seq', 'DESC')
      .take(filter.limit + 1);
    const visibleTo = filter.scope.visibleTo;
    if (visibleTo) {
      query.andWhere(
        new Brackets((q) =>
          q
            .where('h.volunteer_id = :me', { me: visibleTo.memberId })
            .orWhere('h.community_id = ANY(:communities)', {
              communities: visibleTo.communityIds,
            }),
        ),
      );
    }
    if (filter.status) query.andWhere('h.status = :status', { status: filter.status });
    if (filter.communityId) {
      query.andWhere('h.community_id = :communityId', { communityId: filter.communityId });
    }
    if (filter.volunteerId) {
      query.andWhere('h.volunteer_id = :volunteerId', { volunteerId: filter.volunteerId });
    }
    if (filter.beforeSeq) query.andWhere('h.seq < :seq', { seq: filter.beforeSeq });
    return query.getMany();
  }

  /**
   * Approves the log and announces the verified hours in the same transaction,
   * so the ledger pays exactly for what was approved. A key already used for
   * another log is IDEMPOTENCY_MISMATCH.
   */
  async approve(
    id: string,
    by: string,
    at: Date,
    key: string,
    event: HoursVerifiedEvent,
  ): Promise<HourLogEntity> {
    try {
      await this.logs.update(
        { id },
        { status: 'approved', reviewedBy: by, reviewedAt: at, approvalKey: key },
      );
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'hour_logs_approval_key_key') {
        throw idempotencyMismatch();
      }
      throw error;
    }
    await this.outbox.add(this.manager, VolunteersEvents.hoursVerified, event);
    return this.logs.findOneByOrFail({ id });
  }

  /** Rejects the log and announces it to its volunteer, in the same transaction. */
  async reject(id: string, by: string, at: Date, reason: string): Promise<HourLogEntity> {
    await this.logs.update(
      { id },
      { status: 'rejected', reviewedBy: by, reviewedAt: at, rejectionReason: reason },
    );
    const log = await this.logs.findOneByOrFail({ id });
    await this.outbox.add(this.manager, VolunteersEvents.hoursRejected, {
      logId: log.id,
      volunteerId: log.volunteerId,
      communityId: log.communityId,
      minutes: log.minutes,
      servedOn: log.servedOn,
      reason,
      rejectedBy: by,
      at: at.toISOString(),
    });
    return log;
  }
}
