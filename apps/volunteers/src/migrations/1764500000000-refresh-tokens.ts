import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshTokens1764500000000 implements MigrationInterface {
  name = 'RefreshTokens1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Only a hash of each token is kept: a copy of the table signs nobody in.
    await queryRunner.query(`
      CREATE TABLE volunteers.refresh_tokens (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id    uuid NOT NULL REFERENCES volunteers.members (id) ON DELETE CASCADE,
        token_hash   text NOT NULL,
        expires_at   timestamptz NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz,
        replaced_by  uuid REFERENCES volunteers.refresh_tokens (id),
        CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
      )`);
    await queryRunner.query(
      'CREATE INDEX refresh_tokens_member_idx ON volunteers.refresh_tokens (member_id) WHERE revoked_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE volunteers.refresh_tokens');
  }
}
