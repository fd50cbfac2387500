/**
 * `npm run bench:notifications`: how soon a notification reaches an open
 * stream. A volunteer holds GET /notifications/stream open; their coordinator
 * approves 200 hour logs one by one; for each, the time from the approval's
 * 200 to the `notification` event on the stream (the path: the outbox, the
 * relay, JetStream, the volunteers service's consumer, its commit, the plain
 * broadcast, the gateway, the stream). Prints p50/p99 and writes nothing else.
 * Runs a private suite (its own database and NATS prefix), stopped at the end.
 *
 * Options: --events N (default 200).
 */
import { api } from '../test/support/http';
import {
  adminToken,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  register,
} from '../test/support/fixtures';
import { openStream } from '../test/support/sse';
import { startPrivateSuite } from '../test/support/suite';
import { intOption, say } from './support/run';
import { percentile, round } from './support/stats';

const EVENTS = intOption('events', 200, 1, 280);
/** Minutes per log: every log on one day stays under the daily limit (1440). */
const MINUTES = 5;

async function call<T>(res: Promise<{ status: number; body: T }>, status: number, what: string) {
  const answer = await res;
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return answer.body;
}

async function main(): Promise<void> {
  const suite = await startPrivateSuite({
    label: 'bench-notifications',
    env: { LOG_LEVEL: 'warn' },
  });
  try {
    const admin = await adminToken(suite.api);
    const community = await createCommunity(admin, 1, suite.api);
    await fundCommunity(admin, community.id, { minutes: EVENTS * MINUTES * 2 }, suite.api);
    const coordinator = await coordinatorOf(admin, community.id, suite.api);
    const volunteer = await register(community.id, { roles: ['volunteer'] }, suite.api);
    const servedOn = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const logs: string[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const log = await call(
        suite.api<{ id: string }>('POST', '/hours', {
          token: volunteer.token,
          body: { minutes: MINUTES, servedOn, description: `bench ${i}` },
        }),
        201,
        'log hours',
      );
      logs.push(log.id);
    }
    const { ticket } = await call(
      suite.api<{ ticket: string }>('POST', '/notifications/stream-ticket', {
        token: volunteer.token,
      }),
      200,
      'stream ticket',
    );
    const stream = await openStream(ticket, suite.baseUrl);
    if (stream.status !== 200) throw new Error(`the stream answered ${stream.status}`);
    const latencies: number[] = [];
    let beforeAnswer = 0;
    try {
      for (const id of logs) {
        const sent = api('POST', `/hours/${id}/approve`, {
          baseUrl: suite.baseUrl,
          token: coordinator.token,
        });
        await call(sent, 200, 'approve');
        const answeredAt = performance.now();
        const pushed = await stream.next('notification', 30_000);
        // The broadcast may beat the HTTP answer to the client: that counts as 0.
        if (pushed.at < answeredAt) beforeAnswer += 1;
        latencies.push(Math.max(0, pushed.at - answeredAt));
      }
    } finally {
      stream.close();
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    say(`notifications: ${EVENTS} hour logs approved one by one, each told on an open stream`);
    say(
      `  from the approval's 200 to the event on the stream: p50 ${round(percentile(sorted, 50), 1)} ms, ` +
        `p99 ${round(percentile(sorted, 99), 1)} ms, max ${round(sorted[sorted.length - 1], 1)} ms`,
    );
    say(`  ${beforeAnswer} of ${EVENTS} arrived before the approval's answer (counted as 0 ms)`);
  } finally {
    await suite.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
