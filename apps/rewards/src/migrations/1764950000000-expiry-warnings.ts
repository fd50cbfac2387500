import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the member was told that an unused voucher expires soon: once per
 * voucher, so a second copy of the task, or the next round, tells nobody again.
 */
export class ExpiryWarnings1764950000000 implements MigrationInterface {
  name = 'ExpiryWarnings1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rewards.vouchers ADD COLUMN expiry_warned_at timestamptz');
    await queryRunner.query(`
      CREATE INDEX vouchers_unwarned_expiry_idx ON rewards.vouchers (expires_at)
        WHERE status = 'issued' AND expiry_warned_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX rewards.vouchers_unwarned_expiry_idx');
    await queryRunner.query('ALTER TABLE rewards.vouchers DROP COLUMN expiry_warned_at');
  }
}
