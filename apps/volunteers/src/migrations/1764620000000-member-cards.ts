import { createIndexes } from '@app/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { newCardNumber } from '../members/card-number';

const BACKFILL_BATCH = 5000;

/**
 * Member cards and the member directory's search.
 *
 * - `card_number`: every existing member gets a unique random one here, then
 *   the column becomes NOT NULL UNIQUE.
 * - Names are searched by any part. pg_trgm serves parts of three characters
 *   or more, but takes no trigram from a one- or two-character pattern, and
 *   Chinese names are two or three characters long: "秀英" or "王" would scan
 *   the whole table. So each name also keeps its single characters and pairs
 *   (`name_grams`, GIN), which answer any one- or two-character part exactly.
 * - Phones (partial digits) and e-mails (any part) through pg_trgm; full
 *   phones and card numbers through their unique indexes.
 */
export class MemberCards1764620000000 implements MigrationInterface {
  name = 'MemberCards1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const [{ schema }] = (await queryRunner.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e
         JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    )) as Array<{ schema: string }>;
    const trgm = `${schema}.gin_trgm_ops`;

    await queryRunner.query('ALTER TABLE volunteers.members ADD COLUMN card_number text');
    await this.backfillCardNumbers(queryRunner);
    await queryRunner.query(`
      ALTER TABLE volunteers.members
        ALTER COLUMN card_number SET NOT NULL,
        ADD CONSTRAINT members_card_number_key UNIQUE (card_number),
        ADD CONSTRAINT members_card_number_check CHECK (card_number ~ '^[0-9]{10}$')`);

    // Every character and every pair of neighbours of the lower-cased name.
    await queryRunner.query(`
      CREATE FUNCTION volunteers.name_grams(full_name text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$
          SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
            SELECT substr(lower(full_name), i, 1) AS g FROM generate_series(1, length(full_name)) AS i
            UNION ALL
            SELECT substr(lower(full_name), i, 2) FROM generate_series(1, length(full_name) - 1) AS i
          ) AS grams
        $$`);
    await queryRunner.query(`
      ALTER TABLE volunteers.members
        ADD COLUMN name_grams text[] GENERATED ALWAYS AS (volunteers.name_grams(display_name)) STORED`);
    // fastupdate off: a new member goes straight into the index instead of a pending
    // list that every search would read through until the next vacuum (4 MB of it
    // made a search 10x slower in bench/members.ts); members join far less often
    // than coordinators look them up.
    const gin = (expression: string) => `USING gin (${expression}) WITH (fastupdate = off)`;
    await createIndexes(queryRunner, 'volunteers.members', {
      members_name_grams_idx: gin('name_grams'),
      members_name_trgm_idx: gin(`lower(display_name) ${trgm}`),
      members_email_trgm_idx: gin(`lower(email) ${trgm}`),
      members_phone_trgm_idx: gin(`phone ${trgm}`),
      // The directory's order (name, then id), overall and within communities.
      members_directory_idx: '(display_name, id)',
      members_community_directory_idx: '(community_id, display_name, id)',
      members_grid_unit_id_idx: '(grid_unit_id)',
    });
  }

  /** A distinct random card number for each member, written in batches. */
  private async backfillCardNumbers(queryRunner: QueryRunner): Promise<void> {
    const members = (await queryRunner.query('SELECT id FROM volunteers.members')) as Array<{
      id: string;
    }>;
    const given = new Set<string>();
    for (let start = 0; start < members.length; start += BACKFILL_BATCH) {
      const ids = members.slice(start, start + BACKFILL_BATCH).map((m) => m.id);
      const cards = ids.map(() => {
        let card = newCardNumber();
        while (given.has(card)) card = newCardNumber();
        given.add(card);
        return card;
      });
      await queryRunner.query(
        `UPDATE volunteers.members m SET card_number = c.card_number
           FROM unnest($1::uuid[], $2::text[]) AS c (id, card_number) WHERE m.id = c.id`,
        [ids, cards],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'members_grid_unit_id_idx',
      'members_community_directory_idx',
      'members_directory_idx',
      'members_phone_trgm_idx',
      'members_email_trgm_idx',
      'members_name_trgm_idx',
      'members_name_grams_idx',
    ]) {
      await queryRunner.query(`DROP INDEX volunteers.${index}`);
    }
    await queryRunner.query('ALTER TABLE volunteers.members DROP COLUMN name_grams');
    await queryRunner.query('DROP FUNCTION volunteers.name_grams(text)');
    // The cards are printed and handed out: dropping them is a decision, not a rollback.
    await queryRunner.query('ALTER TABLE volunteers.members DROP COLUMN card_number');
  }
}
