import net from 'node:net';
import { DatabaseClient } from './database-client';
import { isDatabaseUnavailable } from './postgres-errors';

// Against the real PostgreSQL, through a socket this spec can cut: pg's own
// "Connection terminated unexpectedly" carries no code, DatabaseClient's does.
const target = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/timebank');
target.pathname = '/postgres';
let server: net.Server;
const sockets = new Set<net.Socket>();
let through: string;

beforeAll(async () => {
  server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(target);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as net.AddressInfo).port);
  through = proxied.toString();
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function cutAll(): void {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
}

describe('DatabaseClient', () => {
  it('codes a query on a connection that was cut 08006, so it reads as the database away', async () => {
    const client = new DatabaseClient({ connectionString: through });
    client.on('error', () => undefined);
    await client.connect();
    expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    cutAll();
    const failure: unknown = await client.query('SELECT pg_sleep(0.1)').catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: '08006' });
    expect(isDatabaseUnavailable(failure)).toBe(true);
    await client.end().catch(() => undefined);
  });

  it("codes a connect that fails 08001, in both of pg's forms", async () => {
    server.once('connection', (socket: net.Socket) => socket.destroy());
    const promised = new DatabaseClient({ connectionString: through });
    const failure: unknown = await promised.connect().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: '08001' });

    server.once('connection', (socket: net.Socket) => socket.destroy());
    const called = new DatabaseClient({ connectionString: through });
    const viaCallback = await new Promise<unknown>((resolve) => called.connect(resolve));
    expect(viaCallback).toMatchObject({ code: '08001' });
  });

  it('leaves a refusal by PostgreSQL its own SQLSTATE', async () => {
    const client = new DatabaseClient({ connectionString: through });
    await client.connect();
    const failure: unknown = await client
      .query('SELECT * FROM no_such_table')
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: '42P01' });
    expect(isDatabaseUnavailable(failure)).toBe(false);
    await client.end();
  });
});
