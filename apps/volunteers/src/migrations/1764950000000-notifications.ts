import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members' notifications. `params` keeps what the text needs, not the text:
 * title and body are rendered when read, in the member's language then. One
 * event tells a member one thing once: UNIQUE (event_id, member_id, kind) is
 * the second lock after the consumer's inbox. `seq` orders a member's list
 * (newest first) and pages it exactly; created_at follows the same order.
 */
export class Notifications1764950000000 implements MigrationInterface {
  name = 'Notifications1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE volunteers.notifications (
        id          uuid PRIMARY KEY,
        seq         bigint GENERATED ALWAYS AS IDENTITY,
        member_id   uuid NOT NULL REFERENCES volunteers.members (id),
        kind        text NOT NULL,
        params      jsonb NOT NULL DEFAULT '{}',
        link        text NOT NULL,
        event_id    uuid NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        read_at     timestamptz,
        CONSTRAINT notifications_event_member_kind_key UNIQUE (event_id, member_id, kind)
      )`);
    await queryRunner.query(
      'CREATE INDEX notifications_member_seq_idx ON volunteers.notifications (member_id, seq DESC)',
    );
    // The badge: a member's unread ones, counted on every page load.
    await queryRunner.query(
      'CREATE INDEX notifications_member_unread_idx ON volunteers.notifications (member_id) WHERE read_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE volunteers.notifications');
  }
}
