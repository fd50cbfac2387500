import { createTestDatabase, Outbox, TestDatabase } from '@app/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestsSchema } from '../requests.schema';
import { RequestsRepository } from './requests.repository';

// Against the real PostgreSQL: several copies of the service expiring at once.
const COPIES = 4;
const DUE = 60;

let database: TestDatabase;
let copies: DataSource[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const options = await database.migrate(RequestsSchema);
  copies = await Promise.all(
    Array.from({ length: COPIES }, () => new DataSource(options).initialize()),
  );
}, 30_000);

afterAll(async () => {
  await Promise.all(copies.map((c) => c.destroy()));
  await database?.drop();
});

async function insertRequests(count: number, windowEnd: Date): Promise<void> {
  const repository = new RequestsRepository(copies[0].manager, new Outbox('requests'));
  for (let i = 0; i < count; i++) {
    await repository.insert({
      id: randomUUID(),
      title: `t${i}`,
      description: '',
      category: 'other',
      requesterId: randomUUID(),
      createdBy: randomUUID(),
      communityId: randomUUID(),
      gridUnitId: null,
      windowStart: new Date(windowEnd.getTime() - 3600_000),
      windowEnd,
      estimatedMinutes: 30,
      funding: 'requester',
      holdId: randomUUID(),
      createFingerprint: 'f',
    });
  }
}

describe('expiring requests from several copies at once', () => {
  it('expires each due request once, and announces it once', async () => {
    await insertRequests(DUE, new Date(Date.now() - 1000));
    await insertRequests(5, new Date(Date.now() + 3600_000));
    const repositories = copies.map(
      (c) => new RequestsRepository(c.manager, new Outbox('requests')),
    );
    const expiredBy = await Promise.all(
      repositories.map(async (repository) => {
        let total = 0;
        for (let round = 0; round < 30; round++) total += await repository.expireDue(3);
        return total;
      }),
    );
    expect(expiredBy.reduce((a, b) => a + b, 0)).toBe(DUE);

    const [counts] = await copies[0].query<Array<{ expired: number; open: number }>>(
      `SELECT count(*) FILTER (WHERE status = 'expired')::int AS expired,
              count(*) FILTER (WHERE status = 'open')::int AS open
         FROM requests.help_requests`,
    );
    expect(counts).toEqual({ expired: DUE, open: 5 });
    const events = await copies[0].query<Array<{ id: string }>>(
      `SELECT payload->>'requestId' AS id FROM requests.outbox
        WHERE subject = 'requests.request.closed' AND payload->>'reason' = 'expired'`,
    );
    expect(events).toHaveLength(DUE);
    expect(new Set(events.map((e) => e.id)).size).toBe(DUE);
  }, 30_000);
});
