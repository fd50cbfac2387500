import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who did what to a request: every change of status as a step, with the member
 * who made it and, when a coordinator acted for the requester, the requester.
 * Requests posted before this get the steps their columns still tell (a
 * release left no trace then, so none is made up).
 */
export class RequestHistory1764710000000 implements MigrationInterface {
  name = 'RequestHistory1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE requests.help_requests ADD COLUMN disputed_by uuid`);
    // Before this change only the requester could dispute.
    await queryRunner.query(`
      UPDATE requests.help_requests SET disputed_by = requester_id WHERE disputed_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE requests.help_request_steps (
        seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id   uuid NOT NULL REFERENCES requests.help_requests (id),
        action       text NOT NULL,
        status       text NOT NULL,
        acted_by     uuid,
        on_behalf_of uuid,
        at           timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE INDEX help_request_steps_request ON requests.help_request_steps (request_id, seq)`);
    await queryRunner.query(`
      INSERT INTO requests.help_request_steps (request_id, action, status, acted_by, on_behalf_of, at)
      SELECT id, action, status, acted_by, on_behalf_of, at FROM (
        SELECT r.id, s.action, s.status, s.acted_by,
               CASE WHEN s.for_requester AND s.acted_by <> r.requester_id
                    THEN r.requester_id END AS on_behalf_of,
               s.at
          FROM requests.help_requests r
          CROSS JOIN LATERAL (VALUES
            ('posted', 'open', r.created_by, true, r.created_at),
            ('accepted', 'accepted', r.volunteer_id, false, r.accepted_at),
            ('completed', 'completed', r.volunteer_id, false, r.completed_at),
            ('disputed', 'disputed', r.disputed_by, true, r.disputed_at),
            ('confirmed', 'confirmed', r.confirmed_by, true,
               CASE WHEN r.resolved_at IS NULL THEN r.confirmed_at END),
            ('resolved', 'confirmed', r.resolved_by, false, r.resolved_at),
            ('cancelled', 'cancelled', r.cancelled_by, true, r.cancelled_at),
            ('expired', 'expired', NULL::uuid, false, r.expired_at)
          ) AS s (action, status, acted_by, for_requester, at)
         WHERE s.at IS NOT NULL
      ) steps
      ORDER BY at, id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE requests.help_request_steps`);
    await queryRunner.query(`ALTER TABLE requests.help_requests DROP COLUMN disputed_by`);
  }
}
