/**
 * `npm run bench:activities`: 500 volunteers signed up to one activity check in
 * at the door through the gateway, as they would arriving together: how long
 * it takes all of them (target: within 10 s), check-ins per second and the
 * latency of each (p50/p99). The setup (registering and signing up 500) is not
 * measured. Runs on a database and NATS prefix of its own with the services
 * from dist/ (npm run build), stopped and dropped at the end, also on failure.
 *
 * Options: --volunteers N (default 500), --parallel N (check-ins in flight at
 * once, default 50).
 */
import os from 'node:os';
import { Suite } from '../scripts/launcher';
import { runBench } from './support/clean-up';
import { randomSuffix } from './support/env';
import { BenchRun, intOption, say } from './support/run';
import { percentile, round } from './support/stats';
import { http, inParallel, signIn } from './support/http';

const SETTINGS = {
  volunteers: intOption('volunteers', 500, 1, 500),
  parallel: intOption('parallel', 50, 1, 500),
  targetSeconds: 10,
};

const MINUTE = 60_000;

interface Setup {
  activityId: string;
  coordinatorToken: string;
  volunteerTokens: string[];
}

/** A funded community, its coordinator, an activity for everyone, and the volunteers signed up. */
async function setUp(suite: Suite, run: BenchRun): Promise<Setup> {
  const base = suite.baseUrl;
  const admin = await signIn(base, run.admin);
  const code = `bench-${randomSuffix()}`;
  const community = await http<{ id: string }>(
    base,
    'POST',
    '/communities',
    { code, name: `Bench ${code}`, gridUnits: [{ code: 'G1', name: 'Grid 1' }] },
    admin,
  );
  await http(
    base,
    'POST',
    `/communities/${community.id}/fund/allocations`,
    { minutes: SETTINGS.volunteers * 60 },
    admin,
  );
  const coordinatorLogin = {
    login: `${code}-coordinator@example.cn`,
    password: 'bench-password-123',
  };
  await http(
    base,
    'POST',
    '/members',
    {
      email: coordinatorLogin.login,
      password: coordinatorLogin.password,
      displayName: '张主任',
      communityId: community.id,
      roles: ['coordinator'],
      coordinatorOf: [community.id],
    },
    admin,
  );
  const coordinatorToken = await signIn(base, coordinatorLogin);
  const activity = await http<{ id: string }>(
    base,
    'POST',
    '/activities',
    {
      title: '社区大扫除',
      description: 'bench',
      communityId: community.id,
      place: '小区广场',
      // Check-in opens an hour before the start.
      startsAt: new Date(Date.now() + 30 * MINUTE).toISOString(),
      endsAt: new Date(Date.now() + 90 * MINUTE).toISOString(),
      capacity: SETTINGS.volunteers,
    },
    coordinatorToken,
  );
  say(`registering and signing up ${SETTINGS.volunteers} volunteers (not measured)`);
  const volunteerTokens = new Array<string>(SETTINGS.volunteers);
  await inParallel(SETTINGS.volunteers, 4, async (i) => {
    const { accessToken } = await http<{ accessToken: string }>(base, 'POST', '/auth/register', {
      email: `${code}-v${i}@example.cn`,
      password: 'bench-password-123',
      displayName: `志愿者${i}`,
      communityId: community.id,
      roles: ['volunteer'],
    });
    await http(base, 'POST', `/activities/${activity.id}/signups`, undefined, accessToken);
    volunteerTokens[i] = accessToken;
  });
  return { activityId: activity.id, coordinatorToken, volunteerTokens };
}

/** Every volunteer checks in with the code on the door now; each call timed. */
async function checkInAll(suite: Suite, setup: Setup) {
  const base = suite.baseUrl;
  const door = await http<{ code: string; expiresAt: string }>(
    base,
    'GET',
    `/activities/${setup.activityId}/check-in-code`,
    undefined,
    setup.coordinatorToken,
  );
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  await inParallel(setup.volunteerTokens.length, SETTINGS.parallel, async (i) => {
    const t0 = performance.now();
    try {
      await http(
        base,
        'POST',
        `/activities/${setup.activityId}/check-in`,
        { code: door.code },
        setup.volunteerTokens[i],
      );
      latencies.push(performance.now() - t0);
    } catch (error) {
      failed += 1;
      if (failed <= 3) say(`  check-in failed: ${(error as Error).message}`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    volunteers: setup.volunteerTokens.length,
    parallel: SETTINGS.parallel,
    ok: latencies.length,
    failed,
    seconds: round(seconds, 2),
    checkInsPerSecond: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    maxMs: round(latencies[latencies.length - 1] ?? 0, 1),
  };
}

async function main(): Promise<void> {
  const run = new BenchRun(
    'activities',
    'before the start: other work on the machine skews the figures',
  );
  say(`activities bench ${run.runId}: prefix ${run.prefix}`);
  await run.createDatabase();
  say('starting volunteers, accounting, gateway (LOG_LEVEL=warn)');
  const suite = await run.startServices(['volunteers', 'accounting', 'gateway'], {
    env: {
      CHECK_IN_SECRET: `bench-${randomSuffix()}-${randomSuffix()}-${randomSuffix()}-${randomSuffix()}`,
      AUTH_LIMIT_PER_ADDRESS: '100000',
      SIGN_IN_FAILURES_PER_ADDRESS: '100000',
    },
    log: (line, service) => say(`  [${service}] ${line}`),
  });
  const setup = await setUp(suite, run);
  say(`checking in ${setup.volunteerTokens.length} volunteers, ${SETTINGS.parallel} at a time`);
  const checkIns = await checkInAll(suite, setup);
  const result = {
    ...run.facts({ cpus: os.cpus().length, node: process.version }),
    checkIns,
    targetSeconds: SETTINGS.targetSeconds,
  };
  say('');
  say(
    `${checkIns.ok} of ${checkIns.volunteers} checked in in ${checkIns.seconds} s ` +
      `(target ≤ ${SETTINGS.targetSeconds} s): ${checkIns.checkInsPerSecond} check-ins/s, ` +
      `p50 ${checkIns.p50Ms} ms, p99 ${checkIns.p99Ms} ms, max ${checkIns.maxMs} ms, ` +
      `${checkIns.failed} failed`,
  );
  run.writeResult(result, '\n');
}

runBench('activities', main);
