import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchema1764100000000 implements MigrationInterface {
  name = 'CreateSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "volunteers"');

    await queryRunner.query(`
      CREATE TABLE volunteers.communities (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // Codes are told apart regardless of case: "QS" and "qs" would confuse people.
    await queryRunner.query(
      'CREATE UNIQUE INDEX communities_code_key ON volunteers.communities (lower(code))',
    );

    await queryRunner.query(`
      CREATE TABLE volunteers.grid_units (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id  uuid NOT NULL REFERENCES volunteers.communities (id),
        code          text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
        name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT grid_units_community_id_id_key UNIQUE (community_id, id)
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX grid_units_community_code_key ON volunteers.grid_units (community_id, lower(code))',
    );

    await queryRunner.query(`
      CREATE TABLE volunteers.members (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email               text,
        phone               text,
        password_hash       text NOT NULL,
        display_name        text NOT NULL,
        roles               text[] NOT NULL DEFAULT '{resident}',
        community_id        uuid REFERENCES volunteers.communities (id),
        grid_unit_id        uuid,
        priority_household  boolean NOT NULL DEFAULT false,
        merchant_id         uuid,
        coordinator_of      uuid[] NOT NULL DEFAULT '{}',
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT members_contact_check CHECK (email IS NOT NULL OR phone IS NOT NULL),
        CONSTRAINT members_phone_e164_check CHECK (phone ~ '^\\+[1-9][0-9]{3,14}$'),
        CONSTRAINT members_roles_check CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['resident', 'volunteer', 'merchant', 'coordinator', 'admin']::text[]
        ),
        CONSTRAINT members_merchant_check CHECK ((merchant_id IS NOT NULL) = ('merchant' = ANY (roles))),
        CONSTRAINT members_coordinator_check CHECK (
          (cardinality(coordinator_of) > 0) = ('coordinator' = ANY (roles))
        ),
        -- A member's grid unit is always one of its own community's.
        CONSTRAINT members_grid_unit_fkey FOREIGN KEY (community_id, grid_unit_id)
          REFERENCES volunteers.grid_units (community_id, id)
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX members_email_key ON volunteers.members (lower(email))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX members_phone_key ON volunteers.members (phone)');
    await queryRunner.query(
      'CREATE INDEX members_community_id_idx ON volunteers.members (community_id)',
    );

    await queryRunner.query(`
      CREATE TABLE volunteers.volunteer_profiles (
        member_id     uuid PRIMARY KEY REFERENCES volunteers.members (id) ON DELETE CASCADE,
        skills        text[] NOT NULL DEFAULT '{}',
        availability  text,
        bio           text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(): Promise<void> {
    // The schema holds the service's data: never dropped by a migration.
  }
}
