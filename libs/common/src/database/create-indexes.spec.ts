import { createIndexes } from './create-indexes';

describe('createIndexes', () => {
  it('writes one CREATE INDEX per entry, in the order given, the definition as is', async () => {
    const sent: string[] = [];
    const queryRunner = { query: (sql: string) => Promise.resolve(sent.push(sql)) };
    await createIndexes(queryRunner, 'rewards.vouchers', {
      vouchers_taken_idx: `(offer_id, member_id)
        WHERE status = 'issued'`,
      vouchers_member_idx: '(member_id, created_at, id)',
    });
    expect(sent).toEqual([
      "CREATE INDEX vouchers_taken_idx ON rewards.vouchers (offer_id, member_id)\n        WHERE status = 'issued'",
      'CREATE INDEX vouchers_member_idx ON rewards.vouchers (member_id, created_at, id)',
    ]);
  });
});
