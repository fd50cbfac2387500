/**
 * A JetStream cluster of its own for a test that takes a NATS node away: each
 * node a nats-server on free ports, with its server_name, its store in a
 * temporary directory, and routes to the others. The machine's NATS, which
 * other suites share, is never touched. stop() kills every node and removes
 * the directory; so does the test process's exit if stop() is never reached.
 * Each node's log goes to test/logs/nats-<cluster>-<node>.log.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_LOG, freePort, randomSuffix } from './suite';
import { until } from './wait';

const NATS_SERVER = process.env.NATS_SERVER_PATH || 'nats-server';
/** How long a node may take to start, join the others and catch up (a busy two-core machine). */
const NODE_READY_MS = 60_000;

export interface NatsNode {
  /** Its server_name: what JetStream names as a stream's leader or replica. */
  readonly name: string;
  /** nats://127.0.0.1:<port> */
  readonly url: string;
  readonly running: boolean;
  /** The names its client connections gave (a connection without one: ''); none while it is down. */
  clients(): Promise<string[]>;
  /** SIGKILL: the node is gone at once, as when its host dies. */
  kill(): Promise<void>;
  /** Starts it again on the same ports and store; resolves once it has joined the others. */
  start(): Promise<void>;
}

export interface NatsCluster {
  readonly nodes: NatsNode[];
  /** Every node's URL, comma-separated: a NATS_URL. */
  readonly natsUrl: string;
  node(name: string): NatsNode;
  /** The nodes other than `name`, as a list of servers. */
  serversBut(name: string): string[];
  stop(): Promise<void>;
}

interface NodePorts {
  client: number;
  route: number;
  monitor: number;
}

function configOf(
  cluster: string,
  name: string,
  ports: NodePorts,
  peers: NodePorts[],
  store: string,
): string {
  const routes = peers.map((p) => `"nats-route://127.0.0.1:${p.route}"`).join(', ');
  return [
    `server_name: "${name}"`,
    `listen: "127.0.0.1:${ports.client}"`,
    `http: "127.0.0.1:${ports.monitor}"`,
    `jetstream { store_dir: "${store}", max_memory_store: 64MB, max_file_store: 1GB }`,
    `cluster { name: "${cluster}", listen: "127.0.0.1:${ports.route}", routes: [${routes}] }`,
    '',
  ].join('\n');
}

/** What the node's monitoring port answers at `path`, or null while it does not. */
async function monitored(monitor: number, path: string): Promise<Record<string, any> | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${monitor}${path}`, {
      signal: AbortSignal.timeout(2000),
    });
    return res.status === 200 ? ((await res.json()) as Record<string, any>) : null;
  } catch {
    return null;
  }
}

class ClusterNode implements NatsNode {
  private child: ChildProcess | null = null;

  constructor(
    readonly name: string,
    private readonly peers: number,
    private readonly ports: NodePorts,
    private readonly configFile: string,
    private readonly logFile: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.ports.client}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Spawns the server, without waiting for it. */
  spawn(): void {
    const log = fs.openSync(this.logFile, 'a');
    try {
      const child = spawn(NATS_SERVER, ['-c', this.configFile], { stdio: ['ignore', log, log] });
      this.child = child;
      child.once('exit', () => {
        if (this.child === child) this.child = null;
      });
    } finally {
      fs.closeSync(log);
    }
  }

  /** /healthz says 200: JetStream is up with a meta leader, and every stream and consumer current. */
  async waitHealthy(): Promise<void> {
    await until(
      `NATS node ${this.name} healthy (see ${this.logFile})`,
      async () => this.running && (await monitored(this.ports.monitor, '/healthz')) !== null,
      Boolean,
      NODE_READY_MS,
    );
  }

  /**
   * Routed to every other node and following the meta leader. (/healthz is no
   * test for a node that comes back: nats-server 2.9 calls an idle consumer's
   * copy "not current" until the consumer's next change.)
   */
  async waitJoined(peers: number): Promise<void> {
    await until(
      `NATS node ${this.name} back in its cluster (see ${this.logFile})`,
      async () => {
        if (!this.running) return false;
        const routes = await monitored(this.ports.monitor, '/routez');
        const jetstream = await monitored(this.ports.monitor, '/jsz');
        return routes?.num_routes >= peers && Boolean(jetstream?.meta_cluster?.leader);
      },
      Boolean,
      NODE_READY_MS,
    );
  }

  async clients(): Promise<string[]> {
    if (!this.running) return [];
    const connections = await monitored(this.ports.monitor, '/connz?limit=10000');
    return ((connections?.connections ?? []) as Array<{ name?: string }>).map((c) => c.name ?? '');
  }

  async start(): Promise<void> {
    if (!this.running) this.spawn();
    await this.waitJoined(this.peers);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** For the process's exit: nothing asynchronous runs any more. */
  killNow(): void {
    this.child?.kill('SIGKILL');
  }
}

/** Starts `size` nodes and resolves once every one is healthy (a meta leader elected). */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const id = `tbcluster_${randomSuffix()}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${id}-`));
  const names = Array.from({ length: size }, (_, i) => `n${i + 1}`);
  const ports: NodePorts[] = [];
  for (const _ of names) {
    ports.push({ client: await freePort(), route: await freePort(), monitor: await freePort() });
  }
  const nodes = names.map((name, i) => {
    const store = path.join(dir, name);
    fs.mkdirSync(store);
    const configFile = path.join(dir, `${name}.conf`);
    const peers = ports.filter((_, j) => j !== i);
    fs.writeFileSync(configFile, configOf(id, name, ports[i], peers, store));
    const logFile = path.join(path.dirname(E2E_LOG), `nats-${id}-${name}.log`);
    return new ClusterNode(name, size - 1, ports[i], configFile, logFile);
  });

  const killAndRemove = () => {
    for (const node of nodes) node.killNow();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killAndRemove);
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    fs.rmSync(dir, { recursive: true, force: true });
    process.removeListener('exit', killAndRemove);
  };

  try {
    fs.mkdirSync(path.dirname(E2E_LOG), { recursive: true });
    for (const node of nodes) node.spawn();
    for (const node of nodes) await node.waitHealthy();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes,
    natsUrl: nodes.map((node) => node.url).join(','),
    node(name) {
      const node = nodes.find((n) => n.name === name);
      if (!node) throw new Error(`no NATS node ${name} (nodes: ${names.join(', ')})`);
      return node;
    },
    serversBut: (name) => nodes.filter((n) => n.name !== name).map((n) => n.url),
    stop,
  };
}
