import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables every service needs for durable events, in its own schema:
 * the outbox it writes in the same transaction as a change, the inbox of
 * event ids it has applied, and the dead letters it gave up on.
 */
export function eventTablesMigration(
  schema: string,
  timestamp: number,
): new () => MigrationInterface {
  const name = `EventTables${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await runner.query(`
        CREATE TABLE "${schema}".outbox (
          id uuid PRIMARY KEY,
          seq bigserial NOT NULL,
          subject text NOT NULL,
          payload jsonb NOT NULL,
          request_id text,
          created_at timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz
        )`);
      await runner.query(
        `CREATE INDEX outbox_unpublished ON "${schema}".outbox (seq) WHERE published_at IS NULL`,
      );
      await runner.query(`
        CREATE TABLE "${schema}".inbox (
          consumer text NOT NULL,
          event_id uuid NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer, event_id)
        )`);
      await runner.query(`
        CREATE TABLE "${schema}".dead_letters (
          id bigserial PRIMARY KEY,
          consumer text NOT NULL,
          event_id uuid,
          subject text NOT NULL,
          payload jsonb,
          error text NOT NULL,
          deliveries int NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        )`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE "${schema}".dead_letters`);
      await runner.query(`DROP TABLE "${schema}".inbox`);
      await runner.query(`DROP TABLE "${schema}".outbox`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
