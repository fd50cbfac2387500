import { Outbox, ServiceCopies } from '@app/common';
import { randomUUID } from 'node:crypto';
import { RewardsSchema } from '../rewards.schema';
import { newVoucherCode } from './voucher-code';
import { VouchersRepository } from './vouchers.repository';

// Against the real PostgreSQL: several copies of the service expiring vouchers at once.
const COPIES = 4;
const DUE = 60;

const copies = new ServiceCopies(RewardsSchema, COPIES);
beforeAll(() => copies.open(), 30_000);
afterAll(() => copies.close());

async function issue(count: number, expiresAt: Date): Promise<void> {
  const db = copies.first;
  const merchantId = randomUUID();
  const communityId = randomUUID();
  const offerId = randomUUID();
  await db.query(
    `INSERT INTO rewards.merchants (id, name, community_id, address, created_by)
     VALUES ($1, 'm', $2, 'a', $3)`,
    [merchantId, communityId, randomUUID()],
  );
  await db.query(
    `INSERT INTO rewards.offers (id, merchant_id, community_id, title, description, discount,
       credit_cost_minutes, min_tier, valid_from, valid_until, quantity, per_member_limit,
       status, created_by)
     VALUES ($1, $2, $3, 't', '', '{"kind":"percent","value":10}', 10, 0,
       now() - interval '1 day', now() + interval '1 day', 1000, 1000, 'active', $4)`,
    [offerId, merchantId, communityId, randomUUID()],
  );
  const repository = new VouchersRepository(db.manager, new Outbox('rewards'));
  for (let i = 0; i < count; i++) {
    await repository.insertIssued(
      {
        id: randomUUID(),
        offerId,
        merchantId,
        communityId,
        memberId: randomUUID(),
        memberDisplayName: 'x',
        holdId: randomUUID(),
        offerTitle: 't',
        discount: { kind: 'percent', value: 10 },
        creditCostMinutes: 10,
        expiresAt,
        createdAt: new Date(),
      },
      () => newVoucherCode(),
    );
  }
}

describe('expiring vouchers from several copies at once', () => {
  it('expires each due voucher once, and announces it once', async () => {
    await issue(DUE, new Date(Date.now() - 1000));
    await issue(5, new Date(Date.now() + 3600_000));
    const expired = await copies.race(30, (copy) => {
      const repository = new VouchersRepository(copy.manager, new Outbox('rewards'));
      return () => repository.expireDue(3);
    });
    expect(expired).toBe(DUE);
    const [counts] = await copies.first.query<Array<{ expired: number; issued: number }>>(
      `SELECT count(*) FILTER (WHERE status = 'expired')::int AS expired,
              count(*) FILTER (WHERE status = 'issued')::int AS issued
         FROM rewards.vouchers`,
    );
    expect(counts).toEqual({ expired: DUE, issued: 5 });
    const events = await copies.first.query<Array<{ id: string }>>(
      `SELECT payload->>'voucherId' AS id FROM rewards.outbox
        WHERE subject = 'rewards.voucher.closed' AND payload->>'reason' = 'expired'`,
    );
    expect(events).toHaveLength(DUE);
    expect(new Set(events.map((e) => e.id)).size).toBe(DUE);
  }, 30_000);
});
