import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds to a service's outbox the trace context of the transaction that wrote
 * each row (W3C `traceparent`, `tracestate`), so the relay can send the event
 * on in that trace long after the request that caused it has ended.
 */
export function outboxTraceContextMigration(
  schema: string,
  timestamp: number,
): new () => MigrationInterface {
  const name = `OutboxTraceContext${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`ALTER TABLE "${schema}".outbox ADD COLUMN trace_context jsonb`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`ALTER TABLE "${schema}".outbox DROP COLUMN trace_context`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
