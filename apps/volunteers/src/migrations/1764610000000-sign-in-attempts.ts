import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInAttempts1764610000000 implements MigrationInterface {
  name = 'SignInAttempts1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per bucket (account, account and address, address) and its current
    // window; subjects are digests, so the table names no login and no address.
    await queryRunner.query(`
      CREATE TABLE volunteers.sign_in_attempts (
        kind            text NOT NULL CHECK (kind IN ('account', 'account_address', 'address')),
        subject         text NOT NULL,
        failures        integer NOT NULL CHECK (failures >= 0),
        window_ends_at  timestamptz NOT NULL,
        PRIMARY KEY (kind, subject)
      )`);
    await queryRunner.query(
      'CREATE INDEX sign_in_attempts_window_idx ON volunteers.sign_in_attempts (window_ends_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE volunteers.sign_in_attempts');
  }
}
