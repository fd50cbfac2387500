import { connect } from 'nats';
import { ensureDatabase } from '../database/ensure-database';

export const START_POSTGRES =
  'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
/**
 * How to start a nats-server where `servers` (NATS_URL) points: the hint must
 * name the configured address (the first server's), not the default one.
 */
export function startNats(servers: string[]): string {
  const url = new URL(servers[0]);
  const host = url.hostname || '127.0.0.1';
  const port = url.port || '4222';
  return `start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a ${host} -p ${port} -js -sd /var/lib/nats-server -l /var/log/nats-server.log`;
}

/** A dependency that cannot be reached: said in one line, with how to start it. */
export class DependencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DependencyError';
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code && e.message && !e.message.includes(e.code)
    ? `${e.code}: ${e.message}`
    : (e.message ?? String(error));
}

export async function checkPostgres(url: string): Promise<void> {
  try {
    await ensureDatabase(url);
  } catch (error) {
    throw new DependencyError(
      `cannot reach PostgreSQL at ${redact(url)} (${reason(error)}). Start it with: ${START_POSTGRES}`,
    );
  }
}

export async function checkNats(servers: string[]): Promise<void> {
  const where = servers.join(',');
  try {
    const nc = await connect({ servers, timeout: 3000, reconnect: false });
    const jsm = await nc.jetstreamManager().catch(() => null);
    await nc.close();
    if (!jsm) {
      throw new DependencyError(
        `NATS at ${where} runs without JetStream. Start it with -js: ${startNats(servers)}`,
      );
    }
  } catch (error) {
    if (error instanceof DependencyError) throw error;
    throw new DependencyError(
      `cannot reach NATS at ${where} (${reason(error)}). Start it with: ${startNats(servers)}`,
    );
  }
}
