import { Outbox } from '@app/common';
import {
  ActivityCancelledEvent,
  ActivityClosedEvent,
  ActivityReminderEvent,
  ActivityStatus,
  SignupPromotedEvent,
  SignupStatus,
  VolunteersEvents,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export interface ActivityRow {
  id: string;
  seq: string;
  title: string;
  description: string;
  communityId: string;
  gridUnitId: string | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  skills: string[];
  minutesPerVolunteer: number;
  status: ActivityStatus;
  createdBy: string;
  holdId: string;
  publishFingerprint: string;
  cancelReason: string | null;
  createdAt: Date;
}

export type NewActivity = Omit<ActivityRow, 'seq' | 'status' | 'cancelReason' | 'createdAt'>;

export interface SignupRow {
  id: string;
  seq: string;
  activityId: string;
  volunteerId: string;
  status: SignupStatus;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  recordedBy: string | null;
  paidMinutes: number | null;
}

export interface ActivityCounts {
  signedUp: number;
  waitlisted: number;
}

export interface ActivityFilter {
  communityId?: string;
  from?: Date;
  to?: Date;
  /** Only those this member signed up for or published. */
  mineOf?: string;
  after?: { startsAt: string; seq: string };
  limit: number;
}

const ACTIVITY = `
  a.id, a.seq::text AS seq, a.title, a.description, a.community_id AS "communityId",
  a.grid_unit_id AS "gridUnitId", a.place, a.starts_at AS "startsAt", a.ends_at AS "endsAt",
  a.capacity, a.skills, a.minutes_per_volunteer AS "minutesPerVolunteer", a.status,
  a.created_by AS "createdBy", a.hold_id AS "holdId", a.publish_fingerprint AS "publishFingerprint",
  a.cancel_reason AS "cancelReason", a.created_at AS "createdAt"`;

const SIGNUP = `
  s.id, s.seq::text AS seq, s.activity_id AS "activityId", s.volunteer_id AS "volunteerId",
  s.status, s.checked_in_at AS "checkedInAt", s.checked_out_at AS "checkedOutAt",
  s.recorded_by AS "recordedBy", s.paid_minutes AS "paidMinutes"`;

/** Every query of activities and their sign-ups. */
@Injectable()
export class ActivitiesRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(work: (activities: ActivitiesRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) =>
      work(new ActivitiesRepository(manager, this.outbox)),
    );
  }

  /** Stores a published activity; false when one with this id exists already (a retry). */
  async insert(activity: NewActivity): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      `INSERT INTO volunteers.activities
         (id, title, description, community_id, grid_unit_id, place, starts_at, ends_at, capacity,
          skills, minutes_per_volunteer, created_by, hold_id, publish_fingerprint)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        activity.id,
        activity.title,
        activity.description,
        activity.communityId,
        activity.gridUnitId,
        activity.place,
        activity.startsAt,
        activity.endsAt,
        activity.capacity,
        activity.skills,
        activity.minutesPerVolunteer,
        activity.createdBy,
        activity.holdId,
        activity.publishFingerprint,
      ],
    );
    return rows.length > 0;
  }

  async findById(id: string): Promise<ActivityRow | null> {
    const [row] = await this.manager.query<ActivityRow[]>(
      `SELECT ${ACTIVITY} FROM volunteers.activities a WHERE a.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Reads and locks the activity row until the transaction ends: every change
   * of its sign-ups takes this lock first, so capacity holds under any race.
   */
  async findByIdForUpdate(id: string): Promise<ActivityRow | null> {
    const [row] = await this.manager.query<ActivityRow[]>(
      `SELECT ${ACTIVITY} FROM volunteers.activities a WHERE a.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Reads the activity under a share lock: check-ins go side by side, a close waits for them. */
  async findByIdForShare(id: string): Promise<ActivityRow | null> {
    const [row] = await this.manager.query<ActivityRow[]>(
      `SELECT ${ACTIVITY} FROM volunteers.activities a WHERE a.id = $1 FOR SHARE`,
      [id],
    );
    return row ?? null;
  }

  /** Soonest first; one more than `limit` so the caller knows whether a next page exists. */
  async list(filter: ActivityFilter): Promise<ActivityRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.communityId) where.push(`a.community_id = ${param(filter.communityId)}`);
    if (filter.from) where.push(`a.ends_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`a.starts_at < ${param(filter.to)}`);
    if (filter.mineOf) {
      const me = param(filter.mineOf);
      where.push(
        `(a.created_by = ${me} OR EXISTS (SELECT 1 FROM volunteers.activity_signups s
           WHERE s.activity_id = a.id AND s.volunteer_id = ${me}))`,
      );
    }
    if (filter.after) {
      where.push(
        `(a.starts_at, a.seq) > (${param(filter.after.startsAt)}::timestamptz, ${param(filter.after.seq)}::bigint)`,
      );
    }
    return this.manager.query<ActivityRow[]>(
      `SELECT ${ACTIVITY} FROM volunteers.activities a
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.starts_at, a.seq LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  /** Confirmed and waitlisted sign-ups of each activity. */
  async countsOf(activityIds: string[]): Promise<Map<string, ActivityCounts>> {
    const counts = new Map(activityIds.map((id) => [id, { signedUp: 0, waitlisted: 0 }]));
    if (activityIds.length === 0) return counts;
    const rows = await this.manager.query<
      Array<{ activityId: string; signedUp: number; waitlisted: number }>
    >(
      `SELECT activity_id AS "activityId",
              count(*) FILTER (WHERE status = 'confirmed')::int AS "signedUp",
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM volunteers.activity_signups WHERE activity_id = ANY($1::uuid[])
        GROUP BY activity_id`,
      [activityIds],
    );
    for (const row of rows) counts.set(row.activityId, row);
    return counts;
  }

  /** The member's sign-up of each of these activities, with its waitlist position. */
  async signupsOfMember(
    volunteerId: string,
    activityIds: string[],
  ): Promise<Map<string, SignupRow & { position: number | null }>> {
    if (activityIds.length === 0) return new Map();
    const rows = await this.manager.query<Array<SignupRow & { position: number | null }>>(
      `SELECT ${SIGNUP},
              CASE WHEN s.status = 'waitlisted' THEN (
                SELECT count(*)::int FROM volunteers.activity_signups w
                 WHERE w.activity_id = s.activity_id AND w.status = 'waitlisted' AND w.seq <= s.seq)
              END AS position
         FROM volunteers.activity_signups s
        WHERE s.volunteer_id = $1 AND s.activity_id = ANY($2::uuid[])`,
      [volunteerId, activityIds],
    );
    return new Map(rows.map((row) => [row.activityId, row]));
  }

  async signupOf(activityId: string, volunteerId: string): Promise<SignupRow | null> {
    const [row] = await this.manager.query<SignupRow[]>(
      `SELECT ${SIGNUP} FROM volunteers.activity_signups s
        WHERE s.activity_id = $1 AND s.volunteer_id = $2`,
      [activityId, volunteerId],
    );
    return row ?? null;
  }

  /** Every sign-up: confirmed first, then the waitlist in order, with each volunteer's name now. */
  async signupsOf(activityId: string): Promise<Array<SignupRow & { displayName: string }>> {
    return this.manager.query(
      `SELECT ${SIGNUP}, m.display_name AS "displayName"
         FROM volunteers.activity_signups s JOIN volunteers.members m ON m.id = s.volunteer_id
        WHERE s.activity_id = $1
        ORDER BY s.status = 'waitlisted', s.seq`,
      [activityId],
    );
  }

  async insertSignup(
    activityId: string,
    volunteerId: string,
    status: SignupStatus,
  ): Promise<SignupRow> {
    const [row] = await this.manager.query<SignupRow[]>(
      `INSERT INTO volunteers.activity_signups AS s (activity_id, volunteer_id, status)
       VALUES ($1, $2, $3) RETURNING ${SIGNUP}`,
      [activityId, volunteerId, status],
    );
    return row;
  }

  /** 1 for the first on the waitlist. */
  async waitlistPosition(signup: SignupRow): Promise<number> {
    const [row] = await this.manager.query<Array<{ position: number }>>(
      `SELECT count(*)::int AS position FROM volunteers.activity_signups
        WHERE activity_id = $1 AND status = 'waitlisted' AND seq <= $2`,
      [signup.activityId, signup.seq],
    );
    return row.position;
  }

  async deleteSignup(id: string): Promise<void> {
    await this.manager.query(`DELETE FROM volunteers.activity_signups WHERE id = $1`, [id]);
  }

  /** Moves the first on the waitlist up, and says so in the outbox; null when nobody waits. */
  async promoteFirstWaitlisted(
    activityId: string,
    event: (volunteerId: string) => SignupPromotedEvent,
  ): Promise<string | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]] = await this.manager.query<[Array<{ volunteerId: string }>, number]>(
      `UPDATE volunteers.activity_signups SET status = 'confirmed'
        WHERE id = (SELECT id FROM volunteers.activity_signups
                     WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT 1)
        RETURNING volunteer_id AS "volunteerId"`,
      [activityId],
    );
    if (!row) return null;
    await this.outbox.add(this.manager, VolunteersEvents.signupPromoted, event(row.volunteerId));
    return row.volunteerId;
  }

  /** Sets the check-in if there is none yet; answers the sign-up as it is after. */
  async checkIn(signupId: string, at: Date): Promise<SignupRow> {
    await this.manager.query(
      `UPDATE volunteers.activity_signups SET checked_in_at = $2
        WHERE id = $1 AND checked_in_at IS NULL`,
      [signupId, at],
    );
    return this.signupById(signupId);
  }

  /** Sets the check-out if there is none yet; answers the sign-up as it is after. */
  async checkOut(signupId: string, at: Date): Promise<SignupRow> {
    await this.manager.query(
      `UPDATE volunteers.activity_signups SET checked_out_at = $2
        WHERE id = $1 AND checked_out_at IS NULL`,
      [signupId, at],
    );
    return this.signupById(signupId);
  }

  async recordAttendance(
    signupId: string,
    checkedInAt: Date,
    checkedOutAt: Date,
    by: string,
  ): Promise<SignupRow> {
    await this.manager.query(
      `UPDATE volunteers.activity_signups
          SET checked_in_at = $2, checked_out_at = $3, recorded_by = $4 WHERE id = $1`,
      [signupId, checkedInAt, checkedOutAt, by],
    );
    return this.signupById(signupId);
  }

  private async signupById(id: string): Promise<SignupRow> {
    const [row] = await this.manager.query<SignupRow[]>(
      `SELECT ${SIGNUP} FROM volunteers.activity_signups s WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  /** Closes the activity, records what each attendance is paid, and announces it, at once. */
  async close(
    activityId: string,
    by: string,
    at: Date,
    paid: Map<string, number>,
    event: ActivityClosedEvent,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.activities
          SET status = 'closed', closed_by = $2, finished_at = $3, updated_at = now()
        WHERE id = $1`,
      [activityId, by, at],
    );
    if (paid.size > 0) {
      await this.manager.query(
        `UPDATE volunteers.activity_signups s SET paid_minutes = p.minutes
           FROM unnest($1::uuid[], $2::int[]) AS p (id, minutes) WHERE s.id = p.id`,
        [[...paid.keys()], [...paid.values()]],
      );
    }
    await this.outbox.add(this.manager, VolunteersEvents.activityClosed, event);
  }

  async cancel(
    activityId: string,
    by: string,
    at: Date,
    reason: string,
    event: ActivityCancelledEvent,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.activities
          SET status = 'cancelled', cancel_reason = $2, cancelled_by = $3, finished_at = $4,
              updated_at = now()
        WHERE id = $1`,
      [activityId, reason, by, at],
    );
    await this.outbox.add(this.manager, VolunteersEvents.activityCancelled, event);
  }

  /**
   * Announces each published activity starting before `until` that was not
   * reminded of yet, once: the rows are marked in the same transaction, and
   * copies running at once skip each other's rows.
   */
  async remindDue(
    now: Date,
    until: Date,
    batch: number,
    event: (activity: ActivityRow, volunteerIds: string[]) => ActivityReminderEvent,
  ): Promise<number> {
    return this.manager.transaction(async (manager) => {
      const due = await manager.query<ActivityRow[]>(
        `SELECT ${ACTIVITY} FROM volunteers.activities a
          WHERE a.status = 'published' AND a.reminded_at IS NULL
            AND a.starts_at > $1 AND a.starts_at <= $2
          ORDER BY a.starts_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [now, until, batch],
      );
      for (const activity of due) {
        const volunteers = await manager.query<Array<{ volunteerId: string }>>(
          `SELECT volunteer_id AS "volunteerId" FROM volunteers.activity_signups
            WHERE activity_id = $1 AND status = 'confirmed' ORDER BY seq`,
          [activity.id],
        );
        await manager.query(`UPDATE volunteers.activities SET reminded_at = $2 WHERE id = $1`, [
          activity.id,
          now,
        ]);
        await this.outbox.add(
          manager,
          VolunteersEvents.activityReminderDue,
          event(
            activity,
            volunteers.map((v) => v.volunteerId),
          ),
        );
      }
      return due.length;
    });
  }

  /** For the ledger's hold sweeper: whether an activity holds this hold's row id. */
  async holdsHold(activityId: string): Promise<boolean> {
    const [row] = await this.manager.query<unknown[]>(
      `SELECT 1 FROM volunteers.activities WHERE id = $1 AND status <> 'cancelled'`,
      [activityId],
    );
    return row !== undefined;
  }
}
