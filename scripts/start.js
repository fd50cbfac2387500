#!/usr/bin/env node
// `npm start`: builds when the sources are newer than dist/, starts every built
// service with this process's environment, streams their JSON logs to stdout,
// and stays in the foreground until Ctrl-C / SIGTERM (exit 0) or until a
// service dies (its one-line reason, the rest stopped, exit 1).
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { launchSuite, builtServices, entryOf, SERVICES } = require('./launcher');

const ROOT = path.resolve(__dirname, '..');
const WEB_ENTRY = path.join(ROOT, 'apps', 'web', 'index.html');
const WEB_BUILT = path.join(ROOT, 'dist', 'web', 'index.html');

/**
 * Newest modification time of the files under `dir` accepted by `keep`.
 * @param {string} dir
 * @param {(file: string) => boolean} keep
 * @returns {number} 0 when there is none
 */
function newest(dir, keep) {
  let latest = 0;
  /** @param {string} current */
  const walk = (current) => {
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (keep(full)) {
        latest = Math.max(latest, fs.statSync(full).mtimeMs);
      }
    }
  };
  walk(dir);
  return latest;
}

/** Why a build is needed, or null when dist/ is current. */
function staleReason() {
  const sourcesOf = (/** @type {string} */ f) => f.endsWith('.ts') && !f.endsWith('.spec.ts');
  for (const service of SERVICES) {
    const source = path.join(ROOT, 'apps', service, 'src', 'main.ts');
    if (fs.existsSync(source) && !fs.existsSync(entryOf(service, ROOT))) {
      return `${path.relative(ROOT, entryOf(service, ROOT))} is missing`;
    }
  }
  const sources = Math.max(
    ...SERVICES.map((service) => newest(path.join(ROOT, 'apps', service), sourcesOf)),
    newest(path.join(ROOT, 'libs'), sourcesOf),
  );
  const built = Math.max(
    newest(path.join(ROOT, 'dist', 'apps'), (f) => f.endsWith('.js')),
    newest(path.join(ROOT, 'dist', 'libs'), (f) => f.endsWith('.js')),
  );
  if (built === 0) return 'dist/ is missing';
  if (sources > built) return 'sources changed since the last build';
  return webStaleReason();
}

/** Why the web app needs building (any file of apps/web newer than dist/web/index.html), or null. */
function webStaleReason() {
  if (!fs.existsSync(WEB_ENTRY)) return null;
  if (!fs.existsSync(WEB_BUILT)) return `${path.relative(ROOT, WEB_BUILT)} is missing`;
  const sources = newest(path.dirname(WEB_ENTRY), () => true);
  if (sources > fs.statSync(WEB_BUILT).mtimeMs)
    return 'web app sources changed since the last build';
  return null;
}

/** Whether the gateway will find a web app to serve (WEB_ROOT, else dist/web). */
function webAppBuilt() {
  const root = process.env.WEB_ROOT ? path.resolve(process.env.WEB_ROOT) : path.dirname(WEB_BUILT);
  return fs.existsSync(path.join(root, 'index.html'));
}

/** @param {string} message */
const say = (message) => process.stderr.write(`timebank: ${message}\n`);

/**
 * A newcomer's first start (no community yet, not production) gets the demo city,
 * so the app at / can be tried at once with the logins the seed prints.
 * SEED_DEMO=0 starts empty. The seed works through the public API only.
 * @param {string} origin
 */
async function seedDemoOnFirstStart(origin) {
  if (process.env.NODE_ENV === 'production' || process.env.SEED_DEMO === '0') return;
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  if (!fs.existsSync(tsx)) return; // installed without dev dependencies: no seed tooling
  let communities;
  try {
    const answer = await fetch(`${origin}/api/v1/communities`);
    communities = answer.ok ? await answer.json() : null;
  } catch {
    return;
  }
  if (!Array.isArray(communities) || communities.length > 0) return;
  say('first start: seeding the demo city (SEED_DEMO=0 starts empty) ...');
  // Not execFileSync: Ctrl-C must still reach the launcher while the seed runs.
  const code = await new Promise((resolve) => {
    const seed = spawn(tsx, [path.join(ROOT, 'scripts', 'seed', 'main.ts')], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        SEED_URL: `${origin}/api/v1`,
        // The demo's one expiring request expires on its own a minute later.
        SEED_EXPIRY_WAIT_SECONDS: process.env.SEED_EXPIRY_WAIT_SECONDS ?? '0',
      },
    });
    seed.on('exit', (exitCode) => resolve(exitCode));
    seed.on('error', () => resolve(1));
  });
  if (code !== 0)
    say('the demo seed did not finish (the suite runs on; `npm run seed` tries again)');
}

/**
 * Who holds the gateway's port, in one line, or null when it is free: a second
 * `npm start` must refuse before spawning anything, not report the first suite's health.
 * @param {number} port
 */
async function portHolder(port) {
  const free = await new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
  if (free) return null;
  const health = `http://127.0.0.1:${port}/api/v1/health`;
  // node:http rather than fetch: fetch's promise never settles when the holder
  // hangs up at once, and the process would then just end, silently, with 0.
  /** @type {{ status: number, body: string } | null} */
  const answer = await new Promise((resolve) => {
    const request = http.get(health, { timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve(null));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
  let ours = false;
  try {
    ours = answer !== null && 'status' in JSON.parse(answer.body);
  } catch {
    // not JSON: not ours
  }
  return ours && answer
    ? `port ${port} is in use by another Community Time Bank (GET ${health} answers ${answer.status}); stop it first or set PORT`
    : `port ${port} is in use by another program (not a Community Time Bank: GET ${health} does not answer as one); stop it or set PORT`;
}

/** Builds first when dist/ is older than the sources; exits 1 when the build fails. */
function buildIfStale() {
  const reason = staleReason();
  if (!reason) return;
  say(`building (${reason})`);
  try {
    execFileSync(process.execPath, [path.join(__dirname, 'build.js')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch {
    say('the build failed');
    process.exit(1);
  }
}

/** The services that are built (exits 1 when none is), saying which are not. */
function servicesToStart() {
  const services = builtServices(ROOT);
  if (services.length === 0) {
    say('nothing to start: no dist/apps/<service>/src/main.js was built');
    process.exit(1);
  }
  const missing = SERVICES.filter((s) => !services.includes(s));
  if (missing.length > 0) say(`not built yet, not started: ${missing.join(', ')}`);
  return services;
}

/**
 * The foreground run: the suite once started, the stderr lines already printed,
 * and whether it is shutting down.
 */
class Foreground {
  constructor() {
    /** @type {import('./launcher').Suite | null} */
    this.suite = null;
    /** Services' stderr lines already printed. @type {Set<string>} */
    this.echoed = new Set();
    this.shuttingDown = false;
    this.firstSignalAt = 0;
  }

  /** Stops every service and exits: 0 when each stopped cleanly. @param {number} code */
  async shutdown(code) {
    const exits = this.suite ? await this.suite.stop() : [];
    const unclean = exits.filter((e) => e.code !== 0);
    for (const e of unclean) {
      say(`${e.service} did not stop cleanly (${e.signal ?? `code ${e.code}`})`);
    }
    process.exit(code !== 0 || unclean.length > 0 ? 1 : 0);
  }

  /** @param {NodeJS.Signals} signal */
  onSignal(signal) {
    if (this.shuttingDown && Date.now() - this.firstSignalAt < 1000) {
      // The same Ctrl-C twice: the terminal sends it to npm and to us, and npm
      // forwards its copy. Only a later one is the user insisting.
      return;
    }
    if (this.shuttingDown) {
      // A second Ctrl-C: don't wait any longer (the launcher kills what is left on exit).
      say(`${signal} again: killing the services`);
      process.exit(1);
    }
    this.shuttingDown = true;
    this.firstSignalAt = Date.now();
    say(`${signal}: stopping the services`);
    if (this.suite) void this.shutdown(0);
  }

  /** Ctrl-C, SIGTERM, or the parent going away stop the services. */
  listen() {
    const onSignal = (/** @type {NodeJS.Signals} */ signal) => this.onSignal(signal);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // Whoever started us (npm, a shell) went away without a signal reaching us,
    // e.g. SIGTERM to npm alone kills the `sh -c` between us: stop as on SIGTERM.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent && !this.shuttingDown) onSignal('SIGHUP');
    }, 500).unref();
  }

  /**
   * The services' lines on our stdout and stderr, crashes and restarts said in a line.
   * @param {import('./launcher').ServiceName[]} services
   * @returns {import('./launcher').LaunchOptions}
   */
  launchOptions(services) {
    return {
      env: process.env,
      services,
      log: (line, service, stream) => {
        if (stream === 'stderr') this.echoed.add(line.trim());
        const out = line.startsWith('{') ? line : `[${service}] ${line}`;
        (stream === 'stderr' ? process.stderr : process.stdout).write(`${out}\n`);
      },
      restart: {
        onCrash: (exit, { crashes, delayMs }) => {
          const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
          say(
            `${exit.service} crashed (${how}): ${exit.reason}; restarting in ${delayMs / 1000} s (crash ${crashes} within a minute)`,
          );
        },
        onRestarted: (service, ms) => say(`${service} restarted, answering again after ${ms} ms`),
      },
      onExit: (exit) => {
        if (this.shuttingDown) return;
        this.shuttingDown = true;
        const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
        say(`${exit.service} keeps crashing (last: ${how}): ${exit.reason}`);
        say('stopping the other services');
        void this.shutdown(1);
      },
    };
  }

  /**
   * Starts the suite; exits 1 with the failing service's reason when it cannot.
   * @param {import('./launcher').ServiceName[]} services
   * @returns {Promise<import('./launcher').Suite>}
   */
  async launch(services) {
    try {
      this.suite = await launchSuite(this.launchOptions(services));
      return this.suite;
    } catch (error) {
      if (this.shuttingDown) process.exit(0);
      const message = error instanceof Error ? error.message : String(error);
      // The service's own line (with its hint) is already on the screen: say it once.
      const shown = [...this.echoed].find((line) => line !== '' && message.endsWith(`: ${line}`));
      say(
        shown ? `${message.slice(0, -shown.length - 2)} (its reason is the line above)` : message,
      );
      process.exit(1);
    }
  }

  /**
   * Waits for the suite to be healthy; stops it (exit 1) when it is not in time.
   * @param {import('./launcher').Suite} suite
   * @returns {Promise<boolean>} whether the run goes on
   */
  async healthy(suite) {
    try {
      await suite.waitHealthy(60_000);
      return !this.shuttingDown;
    } catch (error) {
      if (this.shuttingDown) return false;
      this.shuttingDown = true;
      say(error instanceof Error ? error.message : String(error));
      await this.shutdown(1);
      return false;
    }
  }
}

/**
 * Seeds the demo city on a first start and says where the suite answers.
 * @param {Foreground} run
 * @param {import('./launcher').Suite} suite
 */
async function announceUp(run, suite) {
  if (!suite.services.includes('gateway')) {
    process.stdout.write(
      `Community Time Bank services are up (${suite.services.join(', ')}); the gateway is not built, so there is no HTTP API yet\n`,
    );
    return;
  }
  const origin = `http://127.0.0.1:${suite.port}`;
  await seedDemoOnFirstStart(origin);
  if (run.shuttingDown) return;
  const api = `API: ${origin}/api/v1, docs: ${origin}/api/docs`;
  process.stdout.write(
    webAppBuilt()
      ? `Community Time Bank is up: ${origin}/ (${api})\n`
      : `Community Time Bank is up without its web app (not built): ${api}\n`,
  );
}

async function main() {
  buildIfStale();
  const services = servicesToStart();
  const run = new Foreground();
  run.listen();
  const holder = await portHolder(Number(process.env.PORT || 3000));
  if (holder) {
    say(holder);
    process.exit(1);
  }
  const suite = await run.launch(services);
  if (run.shuttingDown) return run.shutdown(0);
  if (await run.healthy(suite)) await announceUp(run, suite);
}

void main();
