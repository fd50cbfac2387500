import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the hold sweeper learns from a hold's owner: that the row it was taken
 * for exists (never asked again), or that it never appeared (voided, and why).
 */
export class HoldOwners1764300000000 implements MigrationInterface {
  name = 'HoldOwners1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE accounting.holds
        ADD COLUMN owner_confirmed_at timestamptz,
        ADD COLUMN voided_because text CHECK (voided_because IN ('owner-absent'))`);
    await queryRunner.query(`
      CREATE INDEX holds_owner_unconfirmed ON accounting.holds (created_at)
        WHERE status = 'open' AND owner_confirmed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX accounting.holds_owner_unconfirmed');
    await queryRunner.query(
      'ALTER TABLE accounting.holds DROP COLUMN owner_confirmed_at, DROP COLUMN voided_because',
    );
  }
}
