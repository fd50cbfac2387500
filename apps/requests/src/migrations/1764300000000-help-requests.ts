import { createIndexes } from '@app/common';
import { MigrationInterface, QueryRunner } from 'typeorm';

async function createHelpRequests(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
      CREATE TABLE requests.help_requests (
        id                   uuid PRIMARY KEY,
        title                text NOT NULL,
        description          text NOT NULL,
        category             text NOT NULL,
        status               text NOT NULL DEFAULT 'open',
        requester_id         uuid NOT NULL,
        created_by           uuid NOT NULL,
        volunteer_id         uuid,
        community_id         uuid NOT NULL,
        grid_unit_id         uuid,
        window_start         timestamptz NOT NULL,
        window_end           timestamptz NOT NULL,
        estimated_minutes    int NOT NULL,
        completed_minutes    int,
        confirmed_minutes    int,
        funding              text NOT NULL,
        hold_id              uuid NOT NULL,
        -- what the first POST carried, so a retry with its Idempotency-Key is recognised
        create_fingerprint   text NOT NULL,
        completion_note      text,
        dispute_reason       text,
        resolution_note      text,
        confirmed_by         uuid,
        cancelled_by         uuid,
        resolved_by          uuid,
        settle_key           text,
        settle_fingerprint   text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        accepted_at          timestamptz,
        first_accepted_at    timestamptz,
        completed_at         timestamptz,
        confirmed_at         timestamptz,
        disputed_at          timestamptz,
        resolved_at          timestamptz,
        cancelled_at         timestamptz,
        expired_at           timestamptz,
        CONSTRAINT help_requests_category_check CHECK (category IN (
          'companionship', 'escort', 'errands', 'home_repair', 'cleaning',
          'tutoring', 'tech_help', 'meals', 'other')),
        CONSTRAINT help_requests_status_check CHECK (status IN (
          'open', 'accepted', 'completed', 'confirmed', 'disputed', 'cancelled', 'expired')),
        CONSTRAINT help_requests_funding_check CHECK (funding IN ('requester', 'community')),
        CONSTRAINT help_requests_window_check CHECK (window_end > window_start),
        CONSTRAINT help_requests_estimated_check CHECK (estimated_minutes BETWEEN 1 AND 1440),
        CONSTRAINT help_requests_completed_check CHECK (completed_minutes BETWEEN 1 AND 1440),
        CONSTRAINT help_requests_confirmed_check
          CHECK (confirmed_minutes BETWEEN 0 AND estimated_minutes),
        -- a request being served or settled always names its volunteer; an open one never does
        CONSTRAINT help_requests_volunteer_check CHECK (
          (status = 'open' AND volunteer_id IS NULL)
          OR (status IN ('accepted', 'completed', 'confirmed', 'disputed') AND volunteer_id IS NOT NULL)
          OR status IN ('cancelled', 'expired'))
      )`);
}

async function indexHelpRequests(queryRunner: QueryRunner): Promise<void> {
  await createIndexes(queryRunner, 'requests.help_requests', {
    help_requests_open_window_end_idx: `(window_end)
        WHERE status = 'open'`,
    help_requests_window_idx: '(window_start, id)',
    help_requests_community_idx: '(community_id, created_at)',
    help_requests_requester_idx: '(requester_id)',
    help_requests_volunteer_idx: '(volunteer_id)',
  });
}

async function createRatings(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
      CREATE TABLE requests.ratings (
        request_id    uuid PRIMARY KEY REFERENCES requests.help_requests (id),
        volunteer_id  uuid NOT NULL,
        rated_by      uuid NOT NULL,
        rating        int NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment       text,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  await createIndexes(queryRunner, 'requests.ratings', { ratings_volunteer_idx: '(volunteer_id)' });
}

export class HelpRequests1764300000000 implements MigrationInterface {
  name = 'HelpRequests1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createHelpRequests(queryRunner);
    await indexHelpRequests(queryRunner);
    await createRatings(queryRunner);
  }

  async down(): Promise<void> {
    // The schema holds the service's data: never dropped by a migration.
  }
}
