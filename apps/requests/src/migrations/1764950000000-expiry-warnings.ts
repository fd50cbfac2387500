import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the requester was told that nobody has taken the request and its
 * window ends soon: once per request, so a second copy of the task, or the
 * next round, tells nobody again.
 */
export class ExpiryWarnings1764950000000 implements MigrationInterface {
  name = 'ExpiryWarnings1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE requests.help_requests ADD COLUMN expiry_warned_at timestamptz',
    );
    await queryRunner.query(`
      CREATE INDEX help_requests_unwarned_window_end_idx ON requests.help_requests (window_end)
        WHERE status = 'open' AND expiry_warned_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX requests.help_requests_unwarned_window_end_idx');
    await queryRunner.query('ALTER TABLE requests.help_requests DROP COLUMN expiry_warned_at');
  }
}
