/**
 * What checking rights at the moment of use costs per call.
 *
 * Every authenticated call is checked against the member's current rights
 * twice: at the gateway and in the service that acts. Rights come from a
 * per-process cache that a broadcast empties on every change, so the usual
 * call is a cache hit. This bench prints:
 *  - the cost of a hit, measured in process (RightsCache.get);
 *  - GET /accounts/me through the real suite, sequential p50/p99, with the
 *    cache as it runs (hits) and with RIGHTS_CACHE_TTL_MS=0 (every check asks
 *    the volunteers service): the difference is the cost of a miss.
 * Two suites run side by side and are measured in alternating rounds, so a
 * busy machine weighs on both alike.
 */
import { RightsCache } from '@app/common';
import { MemberRights } from '@app/contracts';
import { api } from '../test/support/http';
import { adminToken, createCommunity, register } from '../test/support/fixtures';
import { startPrivateSuite, TestSuite } from '../test/support/suite';
import { percentile, round } from './support/stats';

const ROUNDS = 5;
const CALLS_PER_ROUND = 400;

async function hitCostNs(): Promise<number> {
  const rights: MemberRights = {
    memberId: '11111111-1111-4111-8111-111111111111',
    rightsVersion: 3,
    status: 'active',
    roles: ['resident'],
    communityId: null,
    coordinatorOf: [],
    merchantId: null,
    mustChangePassword: false,
    endedSessions: [],
  };
  const cache = new RightsCache(
    { servers: [], prefix: 'bench', name: 'bench', ttlMs: 60_000, maxEntries: 1000 },
    () => Promise.resolve(rights),
  );
  await cache.get(rights.memberId);
  const n = 200_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await cache.get(rights.memberId);
  return Number(process.hrtime.bigint() - started) / n;
}

async function tokenFor(suite: TestSuite): Promise<string> {
  const admin = await adminToken(suite.api);
  const community = await createCommunity(admin, 1, suite.api);
  return (await register(community.id, {}, suite.api)).token;
}

async function round_(suite: TestSuite, token: string): Promise<number[]> {
  const url = `${suite.baseUrl}/accounts/me`;
  const latencies: number[] = [];
  for (let i = 0; i < CALLS_PER_ROUND; i++) {
    const begin = performance.now();
    const res = await api('GET', url, { token });
    latencies.push(performance.now() - begin);
    if (res.status !== 200) throw new Error(`GET /accounts/me answered ${res.status}`);
  }
  return latencies;
}

function summary(latencies: number[]): { p50Ms: number; p99Ms: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 50), 3), p99Ms: round(percentile(sorted, 99), 3) };
}

async function main(): Promise<void> {
  const hitNs = await hitCostNs();
  console.log(`rights cache hit (in process): ${round(hitNs / 1000, 3)} µs per check`);

  const cached = await startPrivateSuite({ label: 'bench-rights-cached' });
  const uncached = await startPrivateSuite({
    label: 'bench-rights-uncached',
    env: { RIGHTS_CACHE_TTL_MS: '0' },
  });
  try {
    const tokens = [await tokenFor(cached), await tokenFor(uncached)];
    // Warm up both (JIT, connections).
    await round_(cached, tokens[0]);
    await round_(uncached, tokens[1]);
    const hits: number[] = [];
    const misses: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      hits.push(...(await round_(cached, tokens[0])));
      misses.push(...(await round_(uncached, tokens[1])));
    }
    const withCache = summary(hits);
    const everyCallAsks = summary(misses);
    console.log(
      `GET /accounts/me, ${ROUNDS * CALLS_PER_ROUND} sequential calls each, alternating rounds:`,
    );
    console.log(
      `  rights cached (as it runs):        p50 ${withCache.p50Ms} ms, p99 ${withCache.p99Ms} ms`,
    );
    console.log(
      `  every check asks (TTL 0, 2 asks):  p50 ${everyCallAsks.p50Ms} ms, p99 ${everyCallAsks.p99Ms} ms`,
    );
    console.log(
      `  added p50 per call: ${round((2 * hitNs) / 1e6, 4)} ms with the cache (2 hits); ` +
        `${round(everyCallAsks.p50Ms - withCache.p50Ms, 3)} ms more on a miss at both checks`,
    );
  } finally {
    await cached.stop();
    await uncached.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
