import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The requests service's copy of members' names and phones, kept from the
 * volunteers service's member events, so views name people without asking
 * another service per row. `as_of` is the member row's version at the source:
 * an older event never overwrites a newer copy.
 */
export class MemberNames1764630000000 implements MigrationInterface {
  name = 'MemberNames1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE requests.member_names (
        member_id    uuid PRIMARY KEY,
        display_name text NOT NULL,
        phone        text,
        as_of        timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE requests.member_names`);
  }
}
