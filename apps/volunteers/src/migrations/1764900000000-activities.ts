import { createIndexes } from '@app/common';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activities, their sign-ups (confirmed and waitlisted, with check-in and
 * check-out), and 'activity' as a source of service record entries.
 */
export class Activities1764900000000 implements MigrationInterface {
  name = 'Activities1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE volunteers.activities (
        id                     uuid PRIMARY KEY,
        seq                    bigserial NOT NULL UNIQUE,
        title                  text NOT NULL,
        description            text NOT NULL,
        community_id           uuid NOT NULL REFERENCES volunteers.communities (id),
        grid_unit_id           uuid,
        place                  text NOT NULL,
        starts_at              timestamptz NOT NULL,
        ends_at                timestamptz NOT NULL,
        capacity               int NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        skills                 text[] NOT NULL DEFAULT '{}',
        minutes_per_volunteer  int NOT NULL CHECK (minutes_per_volunteer BETWEEN 1 AND 1440),
        status                 text NOT NULL DEFAULT 'published'
                               CHECK (status IN ('published', 'cancelled', 'closed')),
        created_by             uuid NOT NULL REFERENCES volunteers.members (id),
        -- The ledger hold of capacity × minutes_per_volunteer on the community fund.
        hold_id                uuid NOT NULL UNIQUE,
        -- What the publishing request said: the same Idempotency-Key with another body is refused.
        publish_fingerprint    text NOT NULL,
        cancel_reason          text,
        cancelled_by           uuid,
        closed_by              uuid,
        finished_at            timestamptz,
        reminded_at            timestamptz,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT activities_window_check CHECK (ends_at > starts_at),
        CONSTRAINT activities_cancel_check CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
      )`);
    await createIndexes(queryRunner, 'volunteers.activities', {
      activities_community_starts_idx: '(community_id, starts_at)',
      activities_starts_idx: '(starts_at, id)',
    });
    await queryRunner.query(`
      CREATE TABLE volunteers.activity_signups (
        -- Also the service record entry's source id of this attendance when paid.
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq             bigserial NOT NULL UNIQUE,
        activity_id     uuid NOT NULL REFERENCES volunteers.activities (id),
        volunteer_id    uuid NOT NULL REFERENCES volunteers.members (id),
        status          text NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
        checked_in_at   timestamptz,
        checked_out_at  timestamptz,
        recorded_by     uuid,
        paid_minutes    int,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT activity_signups_once UNIQUE (activity_id, volunteer_id),
        CONSTRAINT activity_signups_out_after_in CHECK (checked_out_at >= checked_in_at),
        CONSTRAINT activity_signups_attended_confirmed
          CHECK (checked_in_at IS NULL OR status = 'confirmed')
      )`);
    await createIndexes(queryRunner, 'volunteers.activity_signups', {
      activity_signups_activity_idx: '(activity_id, status, seq)',
      activity_signups_volunteer_idx: '(volunteer_id)',
    });
    await queryRunner.query(`
      ALTER TABLE volunteers.service_entries
        DROP CONSTRAINT service_entries_source_check,
        ADD CONSTRAINT service_entries_source_check
          CHECK (source IN ('request', 'hours', 'activity'))`);
  }

  async down(): Promise<void> {
    // The schema holds the service's data: never dropped by a migration.
  }
}
