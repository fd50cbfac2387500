import { createTestDatabase, DomainError, ErrorCode, loadConfig, TestDatabase } from '@app/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { normaliseLogin } from '../members/phone';
import { VolunteersConfig } from '../volunteers.config';
import { VolunteersSchema } from '../volunteers.schema';
import { SignInAttemptsRepository } from './sign-in-attempts.repository';
import { SignInLimitsService } from './sign-in-limits.service';

// Against the real PostgreSQL, with two copies of the service (two pools) counting at once.
const PER_ACCOUNT_ADDRESS = 5;
const PER_ACCOUNT = 8;

let database: TestDatabase;
let copies: DataSource[] = [];
let services: SignInLimitsService[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const options = await database.migrate(VolunteersSchema);
  copies = await Promise.all([0, 1].map(() => new DataSource(options).initialize()));
  const config = loadConfig(VolunteersConfig, {
    SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: String(PER_ACCOUNT_ADDRESS),
    SIGN_IN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
    SIGN_IN_FAILURES_PER_ADDRESS: '1000',
    SIGN_IN_WINDOW_SECONDS: '900',
  });
  services = copies.map(
    (copy) => new SignInLimitsService(new SignInAttemptsRepository(copy.manager), config),
  );
}, 30_000);

afterAll(async () => {
  await Promise.all(copies.map((c) => c.destroy()));
  await database?.drop();
});

const login = () => normaliseLogin(`${randomBytes(5).toString('hex')}@example.cn`, 'CN');

function rows(): Promise<Array<{ kind: string; failures: number }>> {
  return copies[0].query(
    'SELECT kind, failures FROM volunteers.sign_in_attempts ORDER BY kind, subject',
  );
}

async function outcomes(attempts: Array<Promise<unknown>>) {
  const settled = await Promise.allSettled(attempts);
  const refused = settled.filter(
    (s) =>
      s.status === 'rejected' &&
      s.reason instanceof DomainError &&
      s.reason.code === ErrorCode.RATE_LIMITED,
  );
  return {
    admitted: settled.filter((s) => s.status === 'fulfilled').length,
    refused: refused.length,
  };
}

beforeEach(async () => {
  await copies[0].query('DELETE FROM volunteers.sign_in_attempts');
});

describe('sign-in limits in PostgreSQL', () => {
  it('let 40 simultaneous guesses through two copies of the service past the ceiling not once', async () => {
    const account = login();
    const attempts = Array.from({ length: 40 }, (_, i) =>
      services[i % 2].begin(account, '192.0.2.1'),
    );
    expect(await outcomes(attempts)).toEqual({ admitted: PER_ACCOUNT_ADDRESS, refused: 35 });
    // Refused attempts are not counted, so the guesser does not push the window out.
    expect(await rows()).toEqual([
      { kind: 'account', failures: PER_ACCOUNT_ADDRESS },
      { kind: 'account_address', failures: PER_ACCOUNT_ADDRESS },
      { kind: 'address', failures: PER_ACCOUNT_ADDRESS },
    ]);
  });

  it('hold the account ceiling across addresses and copies', async () => {
    const account = login();
    const attempts = Array.from({ length: 30 }, (_, i) =>
      services[i % 2].begin(account, `198.51.100.${i % 10}`),
    );
    expect(await outcomes(attempts)).toEqual({ admitted: PER_ACCOUNT, refused: 22 });
  });

  it('take a successful attempt back, and forget the address’s failures on that account', async () => {
    const account = login();
    for (let i = 0; i < 3; i++) await services[i % 2].begin(account, '192.0.2.2');
    await services[1].succeeded(await services[0].begin(account, '192.0.2.2'));
    expect(await rows()).toEqual([
      { kind: 'account', failures: 3 },
      { kind: 'address', failures: 3 },
    ]);
  });

  it('refuse with the seconds left in the window', async () => {
    const account = login();
    for (let i = 0; i < PER_ACCOUNT_ADDRESS; i++) await services[0].begin(account, '192.0.2.3');
    await copies[0].query(
      `UPDATE volunteers.sign_in_attempts SET window_ends_at = now() + interval '42 seconds'`,
    );
    const refusal = await services[1].begin(account, '192.0.2.3').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details?.retryAfterSeconds).toBe(42);
  });

  it('start counting afresh once a window has ended, and prune ended windows', async () => {
    const account = login();
    for (let i = 0; i < PER_ACCOUNT_ADDRESS; i++) await services[0].begin(account, '192.0.2.4');
    await copies[0].query(
      `UPDATE volunteers.sign_in_attempts SET window_ends_at = now() - interval '1 second'`,
    );
    await services[0].begin(account, '192.0.2.4');
    expect(await rows()).toEqual([
      { kind: 'account', failures: 1 },
      { kind: 'account_address', failures: 1 },
      { kind: 'address', failures: 1 },
    ]);

    await services[0].begin(login(), '192.0.2.5');
    await copies[0].query(
      `UPDATE volunteers.sign_in_attempts SET window_ends_at = now() - interval '1 second'`,
    );
    // Every attempt clears ended windows away: only this attempt's own rows are left.
    await services[1].begin(login(), '192.0.2.6');
    expect(await rows()).toEqual([
      { kind: 'account', failures: 1 },
      { kind: 'account_address', failures: 1 },
      { kind: 'address', failures: 1 },
    ]);
  });
});
