// Starts and stops the built services as child processes: used by `npm start`
// and by the end-to-end tests. Plain CommonJS so it runs without a build step;
// scripts/launcher.d.ts gives TypeScript callers its types.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const ROOT = path.resolve(__dirname, '..');

/** @typedef {'volunteers' | 'accounting' | 'requests' | 'rewards' | 'gateway'} ServiceName */
/** @typedef {'stdout' | 'stderr'} StreamName */
/** @typedef {(line: string, service: ServiceName, stream: StreamName) => void} LogFunction */
/** @typedef {{ service: ServiceName, code: number | null, signal: NodeJS.Signals | null, reason: string }} ServiceExit */
/**
 * @typedef {object} LaunchOptions
 * @property {NodeJS.ProcessEnv} [env] merged over process.env for every child ('' unsets a setting)
 * @property {Partial<Record<ServiceName, NodeJS.ProcessEnv>>} [serviceEnv] merged over env for one service (a port of its own, e.g. METRICS_PORT)
 * @property {ServiceName[]} [services] which services to run; default all five
 * @property {LogFunction | string} [log] where children's output goes: a function, or a file path to append to; default nowhere
 * @property {number} [startTimeoutMs] how long each service may take to answer after spawning (default 30000)
 * @property {number} [stopGraceMs] how long a service may take to exit after SIGTERM before SIGKILL (default 15000)
 * @property {(exit: ServiceExit) => void} [onExit] called when a service exits without being asked to
 * @property {string} [root] repository root holding dist/ (default: this script's parent folder)
 * @property {RestartOptions} [restart] respawn a service that exits unasked (default: off; onExit is then called only when it gives up)
 */
/**
 * @typedef {object} RestartOptions
 * @property {number} [maxCrashes] crashes of one service within windowMs that give up (default 5)
 * @property {number} [windowMs] default 60000
 * @property {number} [firstDelayMs] first backoff, doubled at each crash (default 1000)
 * @property {number} [maxDelayMs] backoff cap (default 30000)
 * @property {(exit: ServiceExit, info: { crashes: number, delayMs: number }) => void} [onCrash] before each respawn
 * @property {(service: ServiceName, ms: number) => void} [onRestarted] once the respawned service answers
 */

/** Backends first: the gateway needs them to answer its health check. */
const SERVICES = /** @type {const} */ ([
  'volunteers',
  'accounting',
  'requests',
  'rewards',
  'gateway',
]);
const BACKENDS = SERVICES.filter((s) => s !== 'gateway');
const TAIL_LINES = 50;
const WATCH_PARENT = path.join(__dirname, 'watch-parent.js');

/**
 * @param {ServiceName} service
 * @param {string} [root]
 */
function entryOf(service, root = ROOT) {
  return path.join(root, 'dist', 'apps', service, 'src', 'main.js');
}

/**
 * The services whose build output exists.
 * @param {string} [root]
 * @returns {ServiceName[]}
 */
function builtServices(root = ROOT) {
  return SERVICES.filter((s) => fs.existsSync(entryOf(s, root)));
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A wait that does not keep the process alive by itself: a pending grace timer
 * must not hold a finished test run open.
 * @param {number} ms
 */
const idle = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The one line that best says why a process ended: its last stderr line that is
 * not a stack frame or Node's version footer, else its last error log message.
 * @param {string[]} stderr
 * @param {string[]} stdout
 */
function reasonFrom(stderr, stdout) {
  /** @param {string} line @returns {string | null} the message of a pino JSON line, null if not one */
  const messageOf = (line) => {
    try {
      const entry = JSON.parse(line);
      if (!entry || typeof entry !== 'object') return null;
      const err = entry.err && typeof entry.err.message === 'string' ? entry.err.message : '';
      const msg = typeof entry.msg === 'string' ? entry.msg : '';
      return [msg, err].filter(Boolean).join(': ') || null;
    } catch {
      return null;
    }
  };
  // A message is a line with words in it: not a stack frame, Node's footer, or
  // the braces and carets of a printed object or source excerpt.
  const isMessage = (/** @type {string} */ l) =>
    /[A-Za-z]{2}/.test(l) &&
    !/^\s+at\s/.test(l) &&
    !/^Node\.js v\d/.test(l) &&
    !/^\s*[\w$]+:\s/.test(l.startsWith(' ') ? l : '');
  for (let i = stderr.length - 1; i >= 0; i--) {
    const line = stderr[i].trim();
    const json = messageOf(line);
    if (json) return json;
    if (isMessage(stderr[i])) return line;
  }
  for (let i = stdout.length - 1; i >= 0; i--) {
    try {
      const entry = JSON.parse(stdout[i]);
      if (entry && (entry.level === 'error' || entry.level === 'fatal' || entry.level >= 50)) {
        const m = messageOf(stdout[i]);
        if (m) return m;
      }
    } catch {
      // not a JSON log line
    }
  }
  return 'no output';
}

/** @param {{ code: number | null, signal: NodeJS.Signals | null }} e */
const describeExit = (e) => (e.signal ? `signal ${e.signal}` : `code ${e.code}`);

/**
 * @typedef {object} Running
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<ServiceExit>} exited
 * @property {boolean} stopping
 * @property {boolean} starting
 * @property {ServiceExit | null} exit
 */

/**
 * What a suite is made of, read once from the options and the environment.
 * @param {LaunchOptions} options
 */
function settingsOf(options) {
  const env = { ...process.env, ...(options.env ?? {}) };
  const wanted = options.services ?? [...SERVICES];
  for (const s of wanted) {
    if (!SERVICES.includes(s))
      throw new Error(`unknown service "${s}" (known: ${SERVICES.join(', ')})`);
  }
  const port = env.PORT || '3000';
  return {
    root: options.root ?? ROOT,
    env,
    services: SERVICES.filter((s) => wanted.includes(s)),
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    stopGraceMs: options.stopGraceMs ?? 15_000,
    port,
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    prefix: env.NATS_SUBJECT_PREFIX || 'timebank',
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    restart: {
      maxCrashes: options.restart?.maxCrashes ?? 5,
      windowMs: options.restart?.windowMs ?? 60_000,
      firstDelayMs: options.restart?.firstDelayMs ?? 1000,
      maxDelayMs: options.restart?.maxDelayMs ?? 30_000,
    },
  };
}

/**
 * Where the children's lines go: a function, a file appended to, or nowhere.
 * @param {LogFunction | string | undefined} log
 * @returns {{ write: LogFunction, close: () => Promise<void> }}
 */
function openLog(log) {
  if (typeof log === 'function') return { write: log, close: async () => {} };
  if (typeof log !== 'string') return { write: () => {}, close: async () => {} };
  fs.mkdirSync(path.dirname(path.resolve(log)), { recursive: true });
  const file = fs.createWriteStream(log, { flags: 'a' });
  return {
    write: (line, service) =>
      file.write(line.startsWith('{') ? `${line}\n` : `[${service}] ${line}\n`),
    close: () => new Promise((resolve) => file.end(resolve)),
  };
}

/** How the launcher asks a service whether it answers: NATS for the backends, HTTP for the gateway. */
class HealthProbes {
  /** @param {{ baseUrl: string, prefix: string, natsUrl: string }} settings */
  constructor(settings) {
    this.settings = settings;
    /** @type {import('nats').NatsConnection | null} */
    this.nats = null;
  }

  async natsConnection() {
    if (this.nats && !this.nats.isClosed()) return this.nats;
    const { connect } = require('nats');
    this.nats = await connect({
      servers: this.settings.natsUrl.split(',').map((/** @type {string} */ s) => s.trim()),
      name: 'timebank-launcher',
      timeout: 2000,
      reconnect: false,
    });
    return this.nats;
  }

  /** @param {ServiceName} service */
  async backendAnswers(service) {
    const { StringCodec } = require('nats');
    const codec = StringCodec();
    const pattern = `${service}.health.check`;
    const message = {
      pattern,
      id: `launcher-${Date.now()}`,
      data: { requestId: 'launcher', actor: null, data: {} },
    };
    try {
      const nc = await this.natsConnection();
      const reply = await nc.request(
        `${this.settings.prefix}.${pattern}`,
        codec.encode(JSON.stringify(message)),
        { timeout: 1000 },
      );
      const body = JSON.parse(codec.decode(reply.data));
      return body?.response?.status === 'up';
    } catch {
      return false;
    }
  }

  /**
   * The gateway's readiness: 200 once it hears NATS and every backend is ready.
   * @returns {Promise<{ status: number, body: unknown } | null>}
   */
  async gatewayHealth() {
    try {
      const res = await fetch(`${this.settings.baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(3000),
      });
      const text = await res.text();
      let body = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      return { status: res.status, body };
    } catch {
      return null;
    }
  }

  /** @param {ServiceName} service */
  async answers(service) {
    if (service === 'gateway') return (await this.gatewayHealth()) !== null;
    return this.backendAnswers(service);
  }

  async close() {
    if (!this.nats) return;
    await this.nats.close().catch(() => {});
    this.nats = null;
  }
}

/** The running services of one suite: spawns, watches, restarts and stops them. */
class Supervisor {
  /**
   * @param {ReturnType<typeof settingsOf>} settings
   * @param {LaunchOptions} options
   * @param {LogFunction} write
   * @param {HealthProbes} probes
   */
  constructor(settings, options, write, probes) {
    this.settings = settings;
    this.options = options;
    this.write = write;
    this.probes = probes;
    /** @type {Map<ServiceName, Running>} */
    this.running = new Map();
    /** @type {Map<ServiceName, { stdout: string[], stderr: string[] }>} */
    this.tails = new Map();
    /** @type {Map<ServiceName, ServiceExit>} */
    this.lastExit = new Map();
    /** @type {Map<ServiceName, number[]>} */
    this.crashes = new Map();
    this.stopping = false;
    // If the parent goes away abruptly, take the children with it.
    this.killAll = () => {
      for (const state of this.running.values()) state.child.kill('SIGKILL');
    };
  }

  /** @param {ServiceName} service */
  tailOf(service) {
    let tail = this.tails.get(service);
    if (!tail) {
      tail = { stdout: [], stderr: [] };
      this.tails.set(service, tail);
    }
    return tail;
  }

  /** @param {ServiceName} service */
  spawn(service) {
    const { root, env } = this.settings;
    const entry = entryOf(service, root);
    if (!fs.existsSync(entry)) {
      throw new Error(
        `${service} is not built: ${path.relative(root, entry)} is missing (run npm run build)`,
      );
    }
    // Own process group: a Ctrl-C or a group SIGTERM reaches the launcher only,
    // which stops the services in order (gateway first). stdin is a pipe the
    // child watches (watch-parent.js): no child outlives the launcher.
    const child = spawn(process.execPath, ['--require', WATCH_PARENT, entry], {
      cwd: root,
      env: { ...env, ...this.options.serviceEnv?.[service] },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const drained = this.keepOutput(service, child);
    /** @type {Running} */
    const state = {
      child,
      stopping: false,
      starting: true,
      exit: null,
      exited: Promise.resolve(/** @type {any} */ (null)),
    };
    state.exited = this.exitOf(service, state, drained);
    child.once('error', (error) => {
      this.tailOf(service).stderr.push(`${service}: cannot spawn: ${error.message}`);
    });
    this.running.set(service, state);
    return state;
  }

  /**
   * Keeps the child's last lines and passes every line to the log.
   * @param {ServiceName} service
   * @param {import('node:child_process').ChildProcess} child
   * @returns {Promise<void>[]} one per stream, resolved once it is read to its end
   */
  keepOutput(service, child) {
    const tail = this.tailOf(service);
    tail.stdout.length = 0;
    tail.stderr.length = 0;
    /** @type {Promise<void>[]} */
    const drained = [];
    for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
      const source = child[stream];
      if (!source) continue;
      const lines = readline.createInterface({ input: source, crlfDelay: Infinity });
      lines.on('line', (line) => {
        const kept = tail[stream];
        kept.push(line);
        if (kept.length > TAIL_LINES) kept.shift();
        try {
          this.write(line, service, stream);
        } catch {
          // a failing log sink must not take the suite down
        }
      });
      drained.push(new Promise((resolve) => lines.once('close', () => resolve())));
    }
    return drained;
  }

  /**
   * The service's exit with its reason; an exit nobody asked for is a crash.
   * @param {ServiceName} service
   * @param {Running} state
   * @param {Promise<void>[]} drained
   * @returns {Promise<ServiceExit>}
   */
  exitOf(service, state, drained) {
    return new Promise((resolve) => {
      state.child.once('exit', (code, signal) => {
        // Wait for the last lines, so the reason is the line printed just before exiting.
        void Promise.race([Promise.all(drained), idle(500)]).then(() => {
          const tail = this.tailOf(service);
          const exit = { service, code, signal, reason: reasonFrom(tail.stderr, tail.stdout) };
          state.exit = exit;
          this.lastExit.set(service, exit);
          if (this.running.get(service) === state) this.running.delete(service);
          // An exit during start rejects the start instead.
          if (!state.stopping && !state.starting && !this.stopping) this.crashed(service, exit);
          resolve(exit);
        });
      });
    });
  }

  /**
   * @param {ServiceName} service
   * @param {ServiceExit} exit
   */
  crashed(service, exit) {
    if (this.options.restart) void this.restartAfterCrash(service, exit);
    else if (this.options.onExit) this.options.onExit(exit);
  }

  /**
   * A crash costs seconds, not the suite: respawn after 1 s, 2 s, 4 s ... (capped);
   * only `maxCrashes` crashes of one service within `windowMs` give up (onExit).
   * @param {ServiceName} service
   * @param {ServiceExit} exit
   */
  async restartAfterCrash(service, exit) {
    const { restart } = this.settings;
    const now = Date.now();
    const recent = (this.crashes.get(service) ?? []).filter((t) => now - t < restart.windowMs);
    recent.push(now);
    this.crashes.set(service, recent);
    if (recent.length >= restart.maxCrashes) {
      if (this.options.onExit) this.options.onExit(exit);
      return;
    }
    const delayMs = Math.min(restart.firstDelayMs * 2 ** (recent.length - 1), restart.maxDelayMs);
    this.options.restart?.onCrash?.(exit, { crashes: recent.length, delayMs });
    await idle(delayMs);
    if (this.stopping || this.running.has(service)) return;
    /** @type {Running} */
    let state;
    try {
      state = this.spawn(service);
    } catch (error) {
      if (this.options.onExit)
        this.options.onExit({
          ...exit,
          reason: error instanceof Error ? error.message : String(error),
        });
      return;
    }
    try {
      await this.waitAnswering(service, state, this.settings.startTimeoutMs);
    } catch {
      // Exited or silent during its restart: that counts as the next crash.
      state.starting = false;
      if (this.stopping) return;
      return this.restartAfterCrash(service, await this.killed(state));
    }
    state.starting = false;
    this.options.restart?.onRestarted?.(service, Date.now() - now);
  }

  /**
   * @param {Running} state
   * @returns {Promise<ServiceExit>} its exit, after a SIGKILL if it still runs
   */
  killed(state) {
    if (!state.exit) {
      state.stopping = true;
      state.child.kill('SIGKILL');
    }
    return state.exited;
  }

  /**
   * @param {ServiceName} service
   * @param {Running} state
   * @param {number} timeoutMs
   */
  async waitAnswering(service, state, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (state.exit) break;
      if (await this.probes.answers(service)) return;
      await Promise.race([sleep(250), state.exited]);
    }
    if (state.exit) {
      throw new Error(
        `${service} exited with ${describeExit(state.exit)} during start: ${state.exit.reason}`,
      );
    }
    const tail = this.tailOf(service);
    throw new Error(
      `${service} did not answer within ${timeoutMs} ms; last output: ${reasonFrom(tail.stderr, tail.stdout)}`,
    );
  }

  /**
   * Starts one service and resolves once it answers.
   * @param {ServiceName} service
   * @param {{ timeoutMs?: number }} [opts]
   */
  async startService(service, opts = {}) {
    if (!this.settings.services.includes(service))
      throw new Error(`${service} is not part of this suite`);
    if (this.running.has(service)) throw new Error(`${service} is already running`);
    const state = this.spawn(service);
    try {
      await this.waitAnswering(service, state, opts.timeoutMs ?? this.settings.startTimeoutMs);
    } finally {
      state.starting = false;
    }
  }

  /**
   * SIGTERM, wait for the exit, SIGKILL after the grace period.
   * @param {ServiceName} service
   * @param {{ graceMs?: number, signal?: NodeJS.Signals }} [opts]
   * @returns {Promise<ServiceExit | null>} the exit, or null when it was not running
   */
  async stopService(service, opts = {}) {
    const state = this.running.get(service);
    if (!state) return null;
    state.stopping = true;
    if (state.exit) return state.exit;
    state.child.kill(opts.signal ?? 'SIGTERM');
    const graceMs = opts.graceMs ?? this.settings.stopGraceMs;
    const exit = await Promise.race([state.exited, idle(graceMs).then(() => null)]);
    if (exit) return exit;
    state.child.kill('SIGKILL');
    return state.exited;
  }

  /**
   * Stops every service (the gateway first, then the backends together).
   * @returns {Promise<ServiceExit[]>}
   */
  async stopAll() {
    /** @type {ServiceExit[]} */
    const exits = [];
    this.stopping = true;
    const gateway = await this.stopService('gateway');
    if (gateway) exits.push(gateway);
    const rest = await Promise.all([...this.running.keys()].map((s) => this.stopService(s)));
    for (const e of rest) if (e) exits.push(e);
    return exits;
  }

  /** Throws if a service of the suite has exited or was never started. */
  expectAllRunning() {
    for (const service of this.settings.services) {
      const state = this.running.get(service);
      const exit = state ? state.exit : this.lastExit.get(service);
      if (!state || exit) {
        throw new Error(
          exit
            ? `${service} exited with ${describeExit(exit)}: ${exit.reason}`
            : `${service} is not running`,
        );
      }
    }
  }

  /**
   * The suite's health now: the gateway's readiness, or without a gateway each backend's answer.
   * @returns {Promise<{ answer: unknown, ready: boolean, body: unknown }>}
   */
  async healthNow() {
    const { services } = this.settings;
    if (services.includes('gateway')) {
      const health = await this.probes.gatewayHealth();
      return { answer: health, ready: health?.status === 200, body: health?.body };
    }
    const backends = BACKENDS.filter((s) => services.includes(s));
    const statuses = await Promise.all(backends.map((s) => this.probes.backendAnswers(s)));
    const answer = {
      services: Object.fromEntries(backends.map((s, i) => [s, statuses[i] ? 'up' : 'down'])),
    };
    return { answer, ready: statuses.every(Boolean), body: answer };
  }

  /**
   * Polls until the suite is healthy: GET /health/ready answers 200 when the gateway
   * runs, else every backend answers its NATS health check. Rejects at once if a
   * service exits.
   * @param {number} [timeoutMs]
   * @returns {Promise<unknown>} the last health body (the gateway's JSON, or per-backend status)
   */
  async waitHealthy(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    /** @type {unknown} */
    let last = 'no answer yet';
    for (;;) {
      this.expectAllRunning();
      const { answer, ready, body } = await this.healthNow();
      if (answer) last = answer;
      if (ready) return body;
      if (Date.now() >= deadline) {
        throw new Error(
          `suite not healthy after ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`,
        );
      }
      await sleep(250);
    }
  }

  /** One backend alone first, the others together, the gateway last. */
  async startAll() {
    const { services } = this.settings;
    const [first, ...others] = services.filter((s) => s !== 'gateway');
    // One backend alone first: it creates the database, which two racing
    // CREATE DATABASE statements can fail to do (23505 on pg_database).
    if (first) await this.startService(first);
    await Promise.all(others.map((s) => this.startService(s)));
    if (services.includes('gateway')) await this.startService('gateway');
  }
}

/**
 * Spawns the services and waits until each one answers: the backends on their
 * NATS health subject, then the gateway on HTTP. Rejects (after stopping what
 * it started) if a service exits or does not answer in time.
 * @param {LaunchOptions} [options]
 */
async function launchSuite(options = {}) {
  const settings = settingsOf(options);
  const log = openLog(options.log);
  const probes = new HealthProbes(settings);
  const supervisor = new Supervisor(settings, options, log.write, probes);
  process.on('exit', supervisor.killAll);

  /** @returns {Promise<ServiceExit[]>} */
  async function stop() {
    const exits = await supervisor.stopAll();
    await probes.close();
    await log.close();
    process.removeListener('exit', supervisor.killAll);
    return exits;
  }

  const suite = {
    baseUrl: settings.baseUrl,
    port: Number(settings.port),
    services: settings.services,
    /** @param {number} [timeoutMs] */
    waitHealthy: (timeoutMs) => supervisor.waitHealthy(timeoutMs),
    /** @param {ServiceName} service @param {{ timeoutMs?: number }} [opts] */
    startService: (service, opts) => supervisor.startService(service, opts),
    /** @param {ServiceName} service @param {{ graceMs?: number, signal?: NodeJS.Signals }} [opts] */
    stopService: (service, opts) => supervisor.stopService(service, opts),
    stop,
    /** @param {ServiceName} service */
    isRunning: (service) => supervisor.running.has(service),
    /** @param {ServiceName} service */
    pid: (service) => supervisor.running.get(service)?.child.pid,
    /** @param {ServiceName} service */
    lastLines: (service) => {
      const t = supervisor.tailOf(service);
      return { stdout: [...t.stdout], stderr: [...t.stderr] };
    },
  };

  try {
    await supervisor.startAll();
  } catch (error) {
    await stop();
    throw error;
  }
  return suite;
}

module.exports = { launchSuite, builtServices, entryOf, reasonFrom, SERVICES, BACKENDS };
