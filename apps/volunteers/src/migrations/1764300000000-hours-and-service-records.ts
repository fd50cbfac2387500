import { createIndexes } from '@app/common';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Logged hours, service records with their certificates, and the tier each volunteer reached. */
export class HoursAndServiceRecords1764300000000 implements MigrationInterface {
  name = 'HoursAndServiceRecords1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE volunteers.hour_logs (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq               bigserial NOT NULL UNIQUE,
        volunteer_id      uuid NOT NULL REFERENCES volunteers.members (id),
        community_id      uuid NOT NULL REFERENCES volunteers.communities (id),
        minutes           int NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        served_on         date NOT NULL,
        description       text NOT NULL,
        status            text NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'approved', 'rejected')),
        reviewed_by       uuid REFERENCES volunteers.members (id),
        reviewed_at       timestamptz,
        rejection_reason  text,
        -- The Idempotency-Key of the approval: the same key again answers as the first time.
        approval_key      text UNIQUE,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hour_logs_review_check CHECK ((status = 'pending') = (reviewed_by IS NULL)),
        CONSTRAINT hour_logs_reason_check CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL))
      )`);
    // The daily limit sums a volunteer's logs of one day; the queue is a community's pending logs.
    await createIndexes(queryRunner, 'volunteers.hour_logs', {
      hour_logs_volunteer_day_idx: '(volunteer_id, served_on)',
      hour_logs_community_status_idx: '(community_id, status, seq)',
    });

    await queryRunner.query('CREATE SEQUENCE volunteers.volunteer_number_seq');
    await queryRunner.query('CREATE SEQUENCE volunteers.certificate_number_seq');
    await queryRunner.query(`
      CREATE TABLE volunteers.service_records (
        volunteer_id             uuid PRIMARY KEY REFERENCES volunteers.members (id),
        volunteer_number         bigint NOT NULL UNIQUE DEFAULT nextval('volunteers.volunteer_number_seq'),
        certificate_code         text NOT NULL UNIQUE CHECK (certificate_code ~ '^[A-Za-z0-9_-]{32}$'),
        certificate_number       bigint NOT NULL UNIQUE DEFAULT nextval('volunteers.certificate_number_seq'),
        issued_at                timestamptz NOT NULL DEFAULT now(),
        revoked_at               timestamptz,
        lifetime_earned_minutes  int NOT NULL DEFAULT 0,
        tier_level               int NOT NULL DEFAULT 0,
        tier_reached_at          timestamptz
      )`);

    await queryRunner.query(`
      CREATE TABLE volunteers.service_entries (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        volunteer_id          uuid NOT NULL REFERENCES volunteers.service_records (volunteer_id),
        source                text NOT NULL CHECK (source IN ('request', 'hours')),
        source_id             uuid NOT NULL,
        transfer_id           uuid NOT NULL UNIQUE,
        description           text NOT NULL,
        community_id          uuid NOT NULL,
        served_on             date NOT NULL,
        minutes               int NOT NULL CHECK (minutes > 0),
        verified_by           uuid NOT NULL,
        verified_at           timestamptz NOT NULL,
        recorded_at           timestamptz NOT NULL DEFAULT now(),
        reversed_at           timestamptz,
        reversal_transfer_id  uuid,
        CONSTRAINT service_entries_source_key UNIQUE (source, source_id)
      )`);
    await createIndexes(queryRunner, 'volunteers.service_entries', {
      service_entries_volunteer_idx: '(volunteer_id, served_on)',
      service_entries_community_day_idx: '(community_id, served_on)',
    });
  }

  async down(): Promise<void> {
    // The schema holds the service's data: never dropped by a migration.
  }
}
