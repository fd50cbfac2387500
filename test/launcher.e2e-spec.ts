// `npm start` as a user runs it: `node scripts/start.js` in its own process
// group, signalled the way a terminal, a service manager or `kill -9` would.
// Each suite start costs seconds on a shared machine, so one started suite
// serves several scenarios in turn.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { launchSuite, reasonFrom, ServiceExit, Suite } from '../scripts/launcher';
import { databaseUrlFor, deleteStreams, dropDatabase, randomSuffix } from './support/suite';
import { until } from './support/wait';

const root = path.resolve(__dirname, '..');

interface Launch {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let env: NodeJS.ProcessEnv;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function launch(command = [process.execPath, path.join(root, 'scripts', 'start.js')]): Launch {
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as under a terminal
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function up(command?: string[]): Promise<Launch> {
  const suite = launch(command);
  let exited = false;
  void suite.exited.then(() => (exited = true));
  await until(
    'the suite to be up',
    () => {
      if (exited) throw new Error(`the launcher exited before the suite was up: ${suite.stderr()}`);
      return suite.stdout();
    },
    (stdout) => stdout.includes('Community Time Bank is up'),
    60_000,
  );
  return suite;
}

/** The processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid)
        found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The processes whose parent is `pid`, by name of the service they run. */
function servicesOf(pid: number): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const service = /dist\/apps\/(\w+)\/src\/main\.js/.exec(cmdline)?.[1];
      if (service) found.set(service, Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function health(): Promise<number | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/health`);
    return res.status;
  } catch {
    return null;
  }
}

const started: Launch[] = [];
const suffix = randomSuffix();
const databaseUrl = databaseUrlFor(`timebank_test_launcher${suffix}`);
const prefix = `tbtest_launcher${suffix}`;

beforeAll(async () => {
  env = {
    ...process.env,
    PORT: String(await freePort()),
    // A database and a prefix of this run's own, dropped and deleted afterwards.
    DATABASE_URL: databaseUrl,
    NATS_SUBJECT_PREFIX: prefix,
    SEED_DEMO: '0',
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  // A failed scenario must not leave a suite running on the shared machine.
  for (const suite of started) {
    if (suite.child.exitCode === null && suite.child.pid) {
      try {
        process.kill(-suite.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await dropDatabase(databaseUrl).catch(() => undefined);
  await deleteStreams(process.env.NATS_URL || 'nats://127.0.0.1:4222', prefix).catch(
    () => undefined,
  );
});

describe('npm start (scripts/start.js)', () => {
  it('names the configured NATS address once when NATS is not there', async () => {
    const saved = env;
    env = { ...env, NATS_URL: 'nats://127.0.0.1:4999' };
    try {
      const run = launch();
      expect((await run.exited).code).toBe(1);
      const output = run.stdout() + run.stderr();
      expect(output).not.toContain('is up');
      expect(output).not.toContain('4222');
      expect(output.match(/-p 4999 /g)).toHaveLength(1);
    } finally {
      env = saved;
    }
  });

  it("gives a crashed service's reason as a message line, not the tail of a printed error", async () => {
    // Something else holds the gateway's port: it dies with Node's raw EADDRINUSE dump.
    // It hangs up on whoever connects, so closing it waits for nobody.
    const holder = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => holder.listen(Number(env.PORT), '0.0.0.0', resolve));
    try {
      const gateway = spawn(
        process.execPath,
        [path.join(root, 'dist', 'apps', 'gateway', 'src', 'main.js')],
        { env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      gateway.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      gateway.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise((resolve) => gateway.once('close', resolve));
      expect(stderr.trim().split('\n').pop()).not.toMatch(/EADDRINUSE/); // the dump ends elsewhere
      expect(reasonFrom(stderr.split('\n'), stdout.split('\n'))).toMatch(
        /^Error: listen EADDRINUSE: address already in use/,
      );

      // And `npm start` names what holds the port before spawning anything.
      const refused = launch();
      expect((await refused.exited).code).toBe(1);
      expect(refused.stderr().trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`port ${env.PORT} is in use by another program`)),
      ]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('refuses a second start in one line, restarts a killed service, and stops on Ctrl-C with exit 0', async () => {
    const suite = await up();
    started.push(suite);
    const launcherPid = suite.child.pid!;
    const services = servicesOf(launcherPid);
    expect([...services.keys()].sort()).toEqual([
      'accounting',
      'gateway',
      'requests',
      'rewards',
      'volunteers',
    ]);

    // A second start while the first runs.
    const second = launch();
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.stdout()).not.toContain('is up');
    const lines = second.stderr().trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`port ${env.PORT} is in use by another Community Time Bank \\(GET http`),
      ),
    ]);

    // kill -9 one service: restarted, the suite answers again.
    const killedAt = Date.now();
    process.kill(services.get('requests')!, 'SIGKILL');
    await until(
      'requests to be restarted',
      suite.stderr,
      (stderr) => stderr.includes('requests restarted'),
      60_000,
    );
    expect(suite.stderr()).toMatch(/requests crashed \(signal SIGKILL\).*restarting in 1 s/);
    await until('health to answer 200 again', health, (status) => status === 200, 60_000);
    const restartedIn = Date.now() - killedAt;
    const restarted = servicesOf(launcherPid).get('requests');
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(services.get('requests'));

    // Ctrl-C: the terminal signals the whole foreground group.
    const stopping = Date.now();
    process.kill(-launcherPid, 'SIGINT');
    expect(await suite.exited).toEqual({ code: 0, signal: null });
    const stoppedIn = Date.now() - stopping;
    expect(suite.stderr()).not.toMatch(/did not stop cleanly/);
    for (const pid of [...services.values(), restarted!]) expect(alive(pid)).toBe(false);
    process.stdout.write(`launcher: restart ${restartedIn} ms, Ctrl-C stop ${stoppedIn} ms\n`);
  });

  it('stops every service and exits 0 on SIGTERM to its process group', async () => {
    const suite = await up();
    started.push(suite);
    const services = servicesOf(suite.child.pid!);
    expect(services.size).toBe(5);
    process.kill(-suite.child.pid!, 'SIGTERM');
    expect(await suite.exited).toEqual({ code: 0, signal: null });
    expect(suite.stderr()).not.toMatch(/did not stop cleanly|exited \(signal/);
    for (const pid of services.values()) expect(alive(pid)).toBe(false);
  });

  it('stops every service when `npm start` alone gets SIGTERM, and npm exits 0', async () => {
    const suite = await up(['npm', 'start']);
    started.push(suite);
    const [launcher] = childrenOf(suite.child.pid!);
    const services = servicesOf(launcher);
    expect(services.size).toBe(5);
    suite.child.kill('SIGTERM');
    expect(await suite.exited).toEqual({ code: 0, signal: null });
    await until(
      'the launcher to exit',
      () => alive(launcher),
      (running) => !running,
      20_000,
    );
    for (const pid of services.values()) expect(alive(pid)).toBe(false);
  });

  it('gives up on a service only after repeated crashes within the window', async () => {
    // The launcher's API with short backoffs: npm start's 5 crashes with 1-8 s waits would cost 15 s.
    let suite: Suite | null = null;
    const crashes: number[] = [];
    const gaveUp = new Promise<ServiceExit>((resolve) => {
      void launchSuite({
        env: { ...env, NATS_SUBJECT_PREFIX: `${env.NATS_SUBJECT_PREFIX}-giveup` },
        services: ['volunteers'],
        restart: {
          maxCrashes: 3,
          firstDelayMs: 100,
          onCrash: (_exit, { crashes: count }) => crashes.push(count),
          onRestarted: () => process.kill(suite!.pid('volunteers')!, 'SIGKILL'),
        },
        onExit: resolve,
      }).then((started) => {
        suite = started;
        process.kill(started.pid('volunteers')!, 'SIGKILL');
      });
    });
    try {
      const exit = await gaveUp;
      expect(exit).toMatchObject({ service: 'volunteers', signal: 'SIGKILL' });
      expect(crashes).toEqual([1, 2]); // two restarts, the third crash gives up
    } finally {
      await (suite as Suite | null)?.stop();
    }
  });

  it('leaves no service behind when the launcher itself is SIGKILLed', async () => {
    const suite = await up();
    started.push(suite);
    const services = servicesOf(suite.child.pid!);
    expect(services.size).toBe(5);
    suite.child.kill('SIGKILL');
    await suite.exited;
    await until(
      'the orphaned services to exit',
      () => [...services.values()].filter(alive),
      (running) => running.length === 0,
      10_000,
    );
  });
});
