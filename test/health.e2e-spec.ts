import { api } from './support/http';

describe('GET /api/v1/health', () => {
  it('answers 200 with every service up, and a request id', async () => {
    const res = await api('GET', '/health');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(res.body.services).toEqual({
      volunteers: 'up',
      accounting: 'up',
      requests: 'up',
      rewards: 'up',
    });
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });
});
