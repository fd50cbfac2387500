import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchema1764100000000 implements MigrationInterface {
  name = 'CreateSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "requests"');
  }

  async down(): Promise<void> {
    // The schema holds the service's data: never dropped by a migration.
  }
}
