import { Outbox, ServiceCopies } from '@app/common';
import { randomUUID } from 'node:crypto';
import { RequestsSchema } from '../requests.schema';
import { RequestsRepository } from './requests.repository';

// Against the real PostgreSQL: several copies of the service expiring at once.
const COPIES = 4;
const DUE = 60;

const copies = new ServiceCopies(RequestsSchema, COPIES);
beforeAll(() => copies.open(), 30_000);
afterAll(() => copies.close());

async function insertRequests(count: number, windowEnd: Date): Promise<void> {
  const repository = new RequestsRepository(copies.first.manager, new Outbox('requests'));
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const requesterId = randomUUID();
    const at = new Date();
    const posted = {
      requestId: id,
      action: 'posted' as const,
      status: 'open' as const,
      actedBy: requesterId,
      onBehalfOf: null,
      at,
    };
    await repository.insert(
      {
        id,
        title: `t${i}`,
        description: '',
        category: 'other',
        requesterId,
        createdBy: requesterId,
        communityId: randomUUID(),
        gridUnitId: null,
        windowStart: new Date(windowEnd.getTime() - 3600_000),
        windowEnd,
        estimatedMinutes: 30,
        funding: 'requester',
        holdId: randomUUID(),
        createFingerprint: 'f',
        createdAt: at,
      },
      posted,
    );
  }
}

describe('expiring requests from several copies at once', () => {
  it('expires each due request once, and announces it once', async () => {
    await insertRequests(DUE, new Date(Date.now() - 1000));
    await insertRequests(5, new Date(Date.now() + 3600_000));
    const expired = await copies.race(30, (copy) => {
      const repository = new RequestsRepository(copy.manager, new Outbox('requests'));
      return () => repository.expireDue(3);
    });
    expect(expired).toBe(DUE);

    const [counts] = await copies.first.query<Array<{ expired: number; open: number }>>(
      `SELECT count(*) FILTER (WHERE status = 'expired')::int AS expired,
              count(*) FILTER (WHERE status = 'open')::int AS open
         FROM requests.help_requests`,
    );
    expect(counts).toEqual({ expired: DUE, open: 5 });
    const events = await copies.first.query<Array<{ id: string }>>(
      `SELECT payload->>'requestId' AS id FROM requests.outbox
        WHERE subject = 'requests.request.closed' AND payload->>'reason' = 'expired'`,
    );
    expect(events).toHaveLength(DUE);
    expect(new Set(events.map((e) => e.id)).size).toBe(DUE);
    // Each request's history: posted by its requester, then expired once, by nobody.
    const histories = await copies.first.query<Array<{ steps: string; status: string }>>(
      `SELECT string_agg(s.action || ':' || coalesce(s.acted_by = r.requester_id, false), ','
                         ORDER BY s.seq) AS steps, r.status
         FROM requests.help_requests r JOIN requests.help_request_steps s ON s.request_id = r.id
        GROUP BY r.id, r.status`,
    );
    expect(histories).toHaveLength(DUE + 5);
    for (const { steps, status } of histories) {
      expect(steps).toBe(status === 'expired' ? 'posted:true,expired:false' : 'posted:true');
    }
  }, 30_000);
});
