import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** Runs a service's entry point to its exit; resolves with its exit code and output. */
function run(
  service: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'dist', 'apps', service, 'src', 'main.js')],
      {
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${service} did not exit: ${stdout}${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('a service that cannot start', () => {
  it.each(['volunteers', 'accounting', 'requests', 'rewards'])(
    '%s names PostgreSQL and how to start it, in one line, when it cannot reach it',
    async (service) => {
      const { code, stderr } = await run(service, {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/timebank',
      });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toMatch(
        new RegExp(`^${service}: cannot reach PostgreSQL .*Start it with: pg_ctlcluster`),
      );
    },
  );

  it.each(['volunteers', 'gateway'])(
    '%s names NATS and how to start it when it cannot reach it',
    async (service) => {
      // The maintenance database always exists, so PostgreSQL passes and NATS is what fails.
      const { code, stderr } = await run(service, {
        NATS_URL: 'nats://127.0.0.1:1',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toMatch(
        new RegExp(`^${service}: cannot reach NATS .*Start it with: .*nats-server`),
      );
    },
  );

  it('names the configured NATS address in its hint, once, not the default one', async () => {
    const { code, stderr } = await run('gateway', { NATS_URL: 'nats://127.0.0.1:4999' });
    expect(code).toBe(1);
    const line = oneLine(stderr);
    expect(line).toMatch(/Start it with: .*nats-server -- -a 127\.0\.0\.1 -p 4999 /);
    expect(line.match(/-p \d+/g)).toEqual(['-p 4999']);
    expect(line).not.toContain('4222');
  });

  it('names each bad setting', async () => {
    const { code, stderr } = await run('gateway', { PORT: 'eighty', SERVICE_TIMEOUT_MS: '-1' });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toMatch(/^gateway: invalid settings: PORT .*SERVICE_TIMEOUT_MS/);
  });

  it('refuses production with the development secrets', async () => {
    const gateway = await run('gateway', { NODE_ENV: 'production', JWT_SECRET: '' });
    expect(gateway.code).toBe(1);
    expect(oneLine(gateway.stderr)).toMatch(/^gateway: .*JWT_SECRET/);
    const volunteers = await run('volunteers', {
      NODE_ENV: 'production',
      BOOTSTRAP_ADMIN_PASSWORD: '',
    });
    expect(volunteers.code).toBe(1);
    expect(oneLine(volunteers.stderr)).toMatch(/^volunteers: .*BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('refuses production with GET /metrics open to anyone', async () => {
    const gateway = await run('gateway', {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-32-characters-or-more',
      METRICS_PORT: '',
      METRICS_TOKEN: '',
    });
    expect(gateway.code).toBe(1);
    expect(oneLine(gateway.stderr)).toMatch(/^gateway: METRICS_PORT or METRICS_TOKEN is required/);
  });
});
