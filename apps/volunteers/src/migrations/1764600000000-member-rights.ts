import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberRights1764600000000 implements MigrationInterface {
  name = 'MemberRights1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // rights_version moves on with every change that must end every earlier
    // access token at once (roles, a temporary password, a replayed refresh
    // token); tokens carry it, and every service compares.
    await queryRunner.query(`
      ALTER TABLE volunteers.members
        ADD COLUMN rights_version       integer NOT NULL DEFAULT 0,
        ADD COLUMN status               text NOT NULL DEFAULT 'active',
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN suspended_at         timestamptz,
        ADD COLUMN suspension_reason    text,
        ADD COLUMN locale               text NOT NULL DEFAULT 'zh-CN',
        ADD CONSTRAINT members_status_check CHECK (status IN ('active', 'suspended')),
        ADD CONSTRAINT members_suspension_check CHECK ((status = 'suspended') = (suspended_at IS NOT NULL)),
        ADD CONSTRAINT members_locale_check CHECK (locale IN ('zh-CN', 'en'))`);
    // A session is the chain of refresh tokens one sign-in rotates through
    // (family_id); access tokens name it, so ending one session (signing out,
    // a password changed elsewhere) ends its access tokens and no other's.
    await queryRunner.query(`
      ALTER TABLE volunteers.refresh_tokens
        ADD COLUMN family_id uuid,
        ADD COLUMN ended_at  timestamptz`);
    await queryRunner.query('UPDATE volunteers.refresh_tokens SET family_id = id');
    await queryRunner.query(
      'ALTER TABLE volunteers.refresh_tokens ALTER COLUMN family_id SET NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX refresh_tokens_ended_idx ON volunteers.refresh_tokens (member_id, ended_at) WHERE ended_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX volunteers.refresh_tokens_ended_idx');
    await queryRunner.query(`
      ALTER TABLE volunteers.refresh_tokens DROP COLUMN ended_at, DROP COLUMN family_id`);
    await queryRunner.query(`
      ALTER TABLE volunteers.members
        DROP CONSTRAINT members_locale_check,
        DROP CONSTRAINT members_suspension_check,
        DROP COLUMN locale,
        DROP CONSTRAINT members_status_check,
        DROP COLUMN suspension_reason,
        DROP COLUMN suspended_at,
        DROP COLUMN must_change_password,
        DROP COLUMN status,
        DROP COLUMN rights_version`);
  }
}
