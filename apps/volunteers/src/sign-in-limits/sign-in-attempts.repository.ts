import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { Bucket, BucketCount } from './sign-in-limit-rules';

/** How many expired windows one attempt clears away, so no attempt pays for a backlog. */
const PRUNE_BATCH = 100;

/** Counts of sign-in attempts per bucket, one row per bucket and its current window. */
@Injectable()
export class SignInAttemptsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(work: (attempts: SignInAttemptsRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) => work(new SignInAttemptsRepository(manager)));
  }

  /**
   * Counts one attempt in each bucket, opening a new window where the last one
   * has ended; the rows stay locked until the transaction ends, taken in one
   * fixed order so concurrent attempts queue rather than deadlock.
   */
  async count(buckets: Bucket[], windowSeconds: number): Promise<BucketCount[]> {
    return this.manager.query<BucketCount[]>(
      `INSERT INTO volunteers.sign_in_attempts AS a (kind, subject, failures, window_ends_at)
       SELECT b.kind, b.subject, 1, now() + make_interval(secs => $3)
         FROM unnest($1::text[], $2::text[]) AS b (kind, subject)
        ORDER BY b.kind, b.subject
       ON CONFLICT (kind, subject) DO UPDATE SET
         failures = CASE WHEN a.window_ends_at <= now() THEN 1 ELSE a.failures + 1 END,
         window_ends_at = CASE WHEN a.window_ends_at <= now()
                               THEN excluded.window_ends_at ELSE a.window_ends_at END
       RETURNING kind, subject, failures,
                 window_ends_at::text AS "windowEndsAt",
                 ceil(extract(epoch FROM window_ends_at - now()))::int AS "secondsLeft"`,
      [buckets.map((b) => b.kind), buckets.map((b) => b.subject), windowSeconds],
    );
  }

  /** Takes back attempts counted earlier, in the windows they were counted in. */
  async uncount(counts: BucketCount[]): Promise<void> {
    if (counts.length === 0) return;
    await this.manager.query(
      `UPDATE volunteers.sign_in_attempts AS a SET failures = a.failures - 1
         FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS c (kind, subject, window_ends_at)
        WHERE a.kind = c.kind AND a.subject = c.subject
          AND a.window_ends_at = c.window_ends_at AND a.failures > 0`,
      [counts.map((c) => c.kind), counts.map((c) => c.subject), counts.map((c) => c.windowEndsAt)],
    );
  }

  /** Empties a bucket. */
  async forget(bucket: Bucket): Promise<void> {
    await this.manager.query(
      'DELETE FROM volunteers.sign_in_attempts WHERE kind = $1 AND subject = $2',
      [bucket.kind, bucket.subject],
    );
  }

  /**
   * Deletes rows whose window has ended; skips rows an attempt holds, so a
   * prune never waits for (or deadlocks with) a sign-in.
   */
  async pruneExpired(limit = PRUNE_BATCH): Promise<number> {
    const [, deleted] = await this.manager.query<[unknown, number]>(
      `DELETE FROM volunteers.sign_in_attempts
        WHERE (kind, subject) IN (
          SELECT kind, subject FROM volunteers.sign_in_attempts
           WHERE window_ends_at <= now()
           LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [limit],
    );
    return deleted;
  }
}
