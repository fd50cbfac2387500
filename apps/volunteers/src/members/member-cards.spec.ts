import { createTestDatabase, Outbox, TestDatabase } from '@app/common';
import { isValidCardNumber } from '@app/contracts';
import { DataSource } from 'typeorm';
import { MemberCards1764620000000 } from '../migrations/1764620000000-member-cards';
import { VolunteersSchema } from '../volunteers.schema';
import { newCardNumber } from './card-number';
import { MembersRepository, NewMember } from './members.repository';

jest.mock('./card-number', () => {
  const actual = jest.requireActual<typeof import('./card-number')>('./card-number');
  return { newCardNumber: jest.fn(actual.newCardNumber) };
});
const drawCard = newCardNumber as jest.MockedFunction<typeof newCardNumber>;

const BEFORE_CARDS = {
  ...VolunteersSchema,
  migrations: (VolunteersSchema.migrations as Function[]).filter(
    (m) => m !== MemberCards1764620000000,
  ),
};

let db: TestDatabase;
let dataSource: DataSource;
let communityId: string;

function newMember(n: number): NewMember {
  return {
    email: `card-${n}@example.cn`,
    phone: null,
    passwordHash: 'x',
    displayName: `会员${n}`,
    roles: ['resident'],
    communityId,
    gridUnitId: null,
    merchantId: null,
    coordinatorOf: [],
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.migrate(BEFORE_CARDS);
  dataSource = await new DataSource(db.options(VolunteersSchema)).initialize();
  [{ id: communityId }] = await dataSource.query(
    `INSERT INTO volunteers.communities (code, name) VALUES ('cards', '卡片社区') RETURNING id`,
  );
  // Members made before cards existed.
  await dataSource.query(
    `INSERT INTO volunteers.members (email, password_hash, display_name, community_id)
       SELECT 'old-' || i || '@example.cn', 'x', '老会员' || i, $1 FROM generate_series(1, 300) i`,
    [communityId],
  );
  await db.migrate(VolunteersSchema);
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('migration 1764620000000 (member cards)', () => {
  it('gives every existing member a distinct valid card number', async () => {
    const rows: Array<{ card_number: string }> = await dataSource.query(
      'SELECT card_number FROM volunteers.members',
    );
    expect(rows).toHaveLength(300);
    expect(rows.every((r) => isValidCardNumber(r.card_number))).toBe(true);
    expect(new Set(rows.map((r) => r.card_number)).size).toBe(300);
  });

  it('then holds the column NOT NULL and UNIQUE', async () => {
    const [{ card_number: taken }] = await dataSource.query(
      'SELECT card_number FROM volunteers.members LIMIT 1',
    );
    const insert = (card: string | null) =>
      dataSource.query(
        `INSERT INTO volunteers.members (email, password_hash, display_name, card_number)
           VALUES ('x-' || gen_random_uuid() || '@example.cn', 'x', 'x', $1)`,
        [card],
      );
    await expect(insert(null)).rejects.toThrow(/null value in column "card_number"/);
    await expect(insert(taken)).rejects.toThrow(/members_card_number_key/);
  });

  it('keeps every character and pair of each name for the directory', async () => {
    const [{ name_grams }] = await dataSource.query(
      `SELECT name_grams FROM volunteers.members WHERE display_name = '老会员7'`,
    );
    expect([...name_grams].sort()).toEqual(['7', '会', '会员', '员', '员7', '老', '老会'].sort());
  });
});

describe('MembersRepository.insert', () => {
  it('draws another card number when the first is taken', async () => {
    const members = new MembersRepository(dataSource.manager, new Outbox('volunteers'));
    const [{ card_number: taken }] = await dataSource.query(
      'SELECT card_number FROM volunteers.members LIMIT 1',
    );
    drawCard.mockClear().mockReturnValueOnce(taken).mockReturnValueOnce(taken);
    const saved = await members.insert(newMember(1));
    expect(saved.cardNumber).not.toBe(taken);
    expect(isValidCardNumber(saved.cardNumber)).toBe(true);
    expect(drawCard).toHaveBeenCalledTimes(3);
  });
});
