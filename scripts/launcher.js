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
 * Spawns the services and waits until each one answers: the backends on their
 * NATS health subject, then the gateway on HTTP. Rejects (after stopping what
 * it started) if a service exits or does not answer in time.
 * @param {LaunchOptions} [options]
 */
async function launchSuite(options = {}) {
  const root = options.root ?? ROOT;
  const env = { ...process.env, ...(options.env ?? {}) };
  const wanted = options.services ?? [...SERVICES];
  for (const s of wanted) {
    if (!SERVICES.includes(s))
      throw new Error(`unknown service "${s}" (known: ${SERVICES.join(', ')})`);
  }
  const services = SERVICES.filter((s) => wanted.includes(s));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const stopGraceMs = options.stopGraceMs ?? 15_000;
  const port = env.PORT || '3000';
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  const prefix = env.NATS_SUBJECT_PREFIX || 'timebank';
  const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';

  /** @type {LogFunction} */
  let write = () => {};
  /** @type {fs.WriteStream | null} */
  let logFile = null;
  if (typeof options.log === 'function') {
    write = options.log;
  } else if (typeof options.log === 'string') {
    fs.mkdirSync(path.dirname(path.resolve(options.log)), { recursive: true });
    const file = fs.createWriteStream(options.log, { flags: 'a' });
    logFile = file;
    write = (line, service) =>
      file.write(line.startsWith('{') ? `${line}\n` : `[${service}] ${line}\n`);
  }

  /**
   * @typedef {object} Running
   * @property {import('node:child_process').ChildProcess} child
   * @property {Promise<ServiceExit>} exited
   * @property {boolean} stopping
   * @property {boolean} starting
   * @property {ServiceExit | null} exit
   */
  /** @type {Map<ServiceName, Running>} */
  const running = new Map();
  /** @type {Map<ServiceName, { stdout: string[], stderr: string[] }>} */
  const tails = new Map();
  /** @type {Map<ServiceName, ServiceExit>} */
  const lastExit = new Map();

  /** @type {import('nats').NatsConnection | null} */
  let nats = null;
  async function natsConnection() {
    if (nats && !nats.isClosed()) return nats;
    const { connect } = require('nats');
    nats = await connect({
      servers: natsUrl.split(',').map((s) => s.trim()),
      name: 'timebank-launcher',
      timeout: 2000,
      reconnect: false,
    });
    return nats;
  }

  /** @param {ServiceName} service */
  async function backendAnswers(service) {
    const { StringCodec } = require('nats');
    const codec = StringCodec();
    const pattern = `${service}.health.check`;
    const message = {
      pattern,
      id: `launcher-${Date.now()}`,
      data: { requestId: 'launcher', actor: null, data: {} },
    };
    try {
      const nc = await natsConnection();
      const reply = await nc.request(
        `${prefix}.${pattern}`,
        codec.encode(JSON.stringify(message)),
        {
          timeout: 1000,
        },
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
  async function gatewayHealth() {
    try {
      const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(3000) });
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
  function tailOf(service) {
    let tail = tails.get(service);
    if (!tail) {
      tail = { stdout: [], stderr: [] };
      tails.set(service, tail);
    }
    return tail;
  }

  /** @param {ServiceName} service */
  function spawnService(service) {
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
      env: { ...env, ...options.serviceEnv?.[service] },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const tail = tailOf(service);
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
          write(line, service, stream);
        } catch {
          // a failing log sink must not take the suite down
        }
      });
      drained.push(new Promise((resolve) => lines.once('close', () => resolve())));
    }
    /** @type {Running} */
    const state = {
      child,
      stopping: false,
      starting: true,
      exit: null,
      exited: Promise.resolve(/** @type {any} */ (null)),
    };
    state.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        // Wait for the last lines, so the reason is the line printed just before exiting.
        void Promise.race([Promise.all(drained), idle(500)]).then(() => {
          const exit = { service, code, signal, reason: reasonFrom(tail.stderr, tail.stdout) };
          state.exit = exit;
          lastExit.set(service, exit);
          if (running.get(service) === state) running.delete(service);
          // An exit during start rejects the start instead.
          if (!state.stopping && !state.starting && !suiteStopping) {
            if (options.restart) void restartAfterCrash(service, exit);
            else if (options.onExit) options.onExit(exit);
          }
          resolve(exit);
        });
      });
    });
    child.once('error', (error) => {
      tail.stderr.push(`${service}: cannot spawn: ${error.message}`);
    });
    running.set(service, state);
    return state;
  }

  let suiteStopping = false;
  const restart = {
    maxCrashes: options.restart?.maxCrashes ?? 5,
    windowMs: options.restart?.windowMs ?? 60_000,
    firstDelayMs: options.restart?.firstDelayMs ?? 1000,
    maxDelayMs: options.restart?.maxDelayMs ?? 30_000,
  };
  /** @type {Map<ServiceName, number[]>} */
  const crashes = new Map();

  /**
   * A crash costs seconds, not the suite: respawn after 1 s, 2 s, 4 s ... (capped);
   * only `maxCrashes` crashes of one service within `windowMs` give up (onExit).
   * @param {ServiceName} service
   * @param {ServiceExit} exit
   */
  async function restartAfterCrash(service, exit) {
    const now = Date.now();
    const recent = (crashes.get(service) ?? []).filter((t) => now - t < restart.windowMs);
    recent.push(now);
    crashes.set(service, recent);
    if (recent.length >= restart.maxCrashes) {
      if (options.onExit) options.onExit(exit);
      return;
    }
    const delayMs = Math.min(restart.firstDelayMs * 2 ** (recent.length - 1), restart.maxDelayMs);
    options.restart?.onCrash?.(exit, { crashes: recent.length, delayMs });
    await idle(delayMs);
    if (suiteStopping || running.has(service)) return;
    /** @type {Running} */
    let state;
    try {
      state = spawnService(service);
    } catch (error) {
      if (options.onExit)
        options.onExit({ ...exit, reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    try {
      await waitAnswering(service, state, startTimeoutMs);
    } catch {
      // Exited or silent during its restart: that counts as the next crash.
      state.starting = false;
      if (suiteStopping) return;
      if (!state.exit) {
        state.stopping = true;
        state.child.kill('SIGKILL');
      }
      const again = await state.exited;
      return restartAfterCrash(service, again);
    }
    state.starting = false;
    options.restart?.onRestarted?.(service, Date.now() - now);
  }

  /** @param {ServiceName} service */
  async function answers(service) {
    if (service === 'gateway') return (await gatewayHealth()) !== null;
    return backendAnswers(service);
  }

  /**
   * @param {ServiceName} service
   * @param {Running} state
   * @param {number} timeoutMs
   */
  async function waitAnswering(service, state, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (state.exit) break;
      if (await answers(service)) return;
      await Promise.race([sleep(250), state.exited]);
    }
    if (state.exit) {
      throw new Error(
        `${service} exited with ${describeExit(state.exit)} during start: ${state.exit.reason}`,
      );
    }
    throw new Error(
      `${service} did not answer within ${timeoutMs} ms; last output: ${reasonFrom(tailOf(service).stderr, tailOf(service).stdout)}`,
    );
  }

  /**
   * Starts one service and resolves once it answers.
   * @param {ServiceName} service
   * @param {{ timeoutMs?: number }} [opts]
   */
  async function startService(service, opts = {}) {
    if (!services.includes(service)) throw new Error(`${service} is not part of this suite`);
    if (running.has(service)) throw new Error(`${service} is already running`);
    const state = spawnService(service);
    try {
      await waitAnswering(service, state, opts.timeoutMs ?? startTimeoutMs);
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
  async function stopService(service, opts = {}) {
    const state = running.get(service);
    if (!state) return null;
    state.stopping = true;
    if (state.exit) return state.exit;
    state.child.kill(opts.signal ?? 'SIGTERM');
    const graceMs = opts.graceMs ?? stopGraceMs;
    const exit = await Promise.race([state.exited, idle(graceMs).then(() => null)]);
    if (exit) return exit;
    state.child.kill('SIGKILL');
    return state.exited;
  }

  /**
   * Stops every service (the gateway first, then the backends together).
   * @returns {Promise<ServiceExit[]>}
   */
  async function stop() {
    /** @type {ServiceExit[]} */
    const exits = [];
    suiteStopping = true;
    const gateway = await stopService('gateway');
    if (gateway) exits.push(gateway);
    const rest = await Promise.all([...running.keys()].map((s) => stopService(s)));
    for (const e of rest) if (e) exits.push(e);
    if (nats) {
      await nats.close().catch(() => {});
      nats = null;
    }
    if (logFile) {
      const file = logFile;
      logFile = null;
      await new Promise((resolve) => file.end(resolve));
    }
    process.removeListener('exit', killAll);
    return exits;
  }

  /**
   * Polls until the suite is healthy: GET /health/ready answers 200 when the gateway
   * runs, else every backend answers its NATS health check. Rejects at once if a
   * service exits.
   * @param {number} [timeoutMs]
   * @returns {Promise<unknown>} the last health body (the gateway's JSON, or per-backend status)
   */
  async function waitHealthy(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    /** @type {unknown} */
    let last = 'no answer yet';
    for (;;) {
      for (const service of services) {
        const state = running.get(service);
        const exit = state ? state.exit : lastExit.get(service);
        if (!state || exit) {
          throw new Error(
            exit
              ? `${service} exited with ${describeExit(exit)}: ${exit.reason}`
              : `${service} is not running`,
          );
        }
      }
      if (services.includes('gateway')) {
        const health = await gatewayHealth();
        if (health) last = health;
        if (health && health.status === 200) return health.body;
      } else {
        const statuses = await Promise.all(
          BACKENDS.filter((s) => services.includes(s)).map(backendAnswers),
        );
        const byService = Object.fromEntries(
          BACKENDS.filter((s) => services.includes(s)).map((s, i) => [
            s,
            statuses[i] ? 'up' : 'down',
          ]),
        );
        last = { services: byService };
        if (statuses.every(Boolean)) return last;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `suite not healthy after ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`,
        );
      }
      await sleep(250);
    }
  }

  // If the parent goes away abruptly, take the children with it.
  function killAll() {
    for (const state of running.values()) state.child.kill('SIGKILL');
  }
  process.on('exit', killAll);

  const suite = {
    baseUrl,
    port: Number(port),
    services,
    waitHealthy,
    startService,
    stopService,
    stop,
    /** @param {ServiceName} service */
    isRunning: (service) => running.has(service),
    /** @param {ServiceName} service */
    pid: (service) => running.get(service)?.child.pid,
    /** @param {ServiceName} service */
    lastLines: (service) => {
      const t = tailOf(service);
      return { stdout: [...t.stdout], stderr: [...t.stderr] };
    },
  };

  try {
    const [first, ...others] = services.filter((s) => s !== 'gateway');
    // One backend alone first: it creates the database, which two racing
    // CREATE DATABASE statements can fail to do (23505 on pg_database).
    if (first) await startService(first);
    await Promise.all(others.map((s) => startService(s)));
    if (services.includes('gateway')) await startService('gateway');
  } catch (error) {
    await stop();
    throw error;
  }
  return suite;
}

module.exports = { launchSuite, builtServices, entryOf, reasonFrom, SERVICES, BACKENDS };
