import { api } from './support/http';
import { adminToken } from './support/fixtures';
import { expectProblem } from './support/problems';

/** A cursor as the services write them (base64url JSON), with whatever inside. */
const forged = (key: Record<string, unknown>) =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const DAY = '2026-01-01T00:00:00.000Z';
const ID = '00000000-0000-4000-8000-000000000000';

// Found by the fuzz suite: a cursor of the right shape but with a value its
// query cannot take (an id that is no UUID, a number out of the column's
// range) reached PostgreSQL and came back as a 500.
describe('a forged list cursor', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await adminToken();
  });

  it.each([
    ['/vouchers/mine', { t: DAY, i: 'not-a-uuid' }],
    ['/offers', { c: DAY, i: 'not-a-uuid' }],
    ['/requests', { r: 'x', w: DAY, i: ID }],
    ['/requests', { r: 1e300, w: DAY, i: ID }],
    ['/requests', { r: 0, w: DAY, i: 'not-a-uuid' }],
    ['/hours', { s: '9999999999999999999' }],
  ])('on GET %s (%j) is 400 naming the cursor', async (path, key) => {
    const res = await api('GET', `${path}?cursor=${forged(key)}`, { token: admin });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['cursor']);
  });
});
