// Types for scripts/launcher.js, so TypeScript tests can import it.

export type ServiceName = 'volunteers' | 'accounting' | 'requests' | 'rewards' | 'gateway';
export type StreamName = 'stdout' | 'stderr';
export type LogFunction = (line: string, service: ServiceName, stream: StreamName) => void;

export interface ServiceExit {
  service: ServiceName;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The service's last meaningful stderr line (its one-line reason), or its last error log message. */
  reason: string;
}

export interface LaunchOptions {
  /** Merged over process.env for every child; '' unsets a setting. */
  env?: NodeJS.ProcessEnv;
  /** Merged over env for one service: a setting that must differ per process, such as METRICS_PORT. */
  serviceEnv?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
  /** Which services to run; default all five. */
  services?: ServiceName[];
  /** Where the children's output goes: a function, or a file path to append to. Default: nowhere. */
  log?: LogFunction | string;
  /** How long each service may take to answer after spawning (default 30000). */
  startTimeoutMs?: number;
  /** How long a service may take to exit after SIGTERM before SIGKILL (default 15000). */
  stopGraceMs?: number;
  /** Called when a service exits without being asked to. */
  onExit?: (exit: ServiceExit) => void;
  /** Repository root holding dist/ (default: the launcher's parent folder). */
  root?: string;
  /** Respawn a service that exits unasked, with backoff (default: off). onExit is then called only when it gives up. */
  restart?: RestartOptions;
}

export interface RestartOptions {
  /** Crashes of one service within windowMs that give up (default 5). */
  maxCrashes?: number;
  /** Default 60000. */
  windowMs?: number;
  /** First backoff, doubled at each crash (default 1000). */
  firstDelayMs?: number;
  /** Backoff cap (default 30000). */
  maxDelayMs?: number;
  /** Called before each respawn. */
  onCrash?: (exit: ServiceExit, info: { crashes: number; delayMs: number }) => void;
  /** Called once the respawned service answers, with the time since its crash. */
  onRestarted?: (service: ServiceName, ms: number) => void;
}

export interface Suite {
  /** `http://127.0.0.1:<PORT>/api/v1` */
  baseUrl: string;
  port: number;
  /** The services of this suite, backends first. */
  services: ServiceName[];
  /** Polls until GET /health/ready is 200 (or, without a gateway, every backend answers over NATS). */
  waitHealthy(timeoutMs?: number): Promise<unknown>;
  /** Spawns one service and resolves once it answers. */
  startService(name: ServiceName, options?: { timeoutMs?: number }): Promise<void>;
  /** SIGTERM, waits for the exit, SIGKILL after the grace. Null when it was not running. */
  stopService(
    name: ServiceName,
    options?: { graceMs?: number; signal?: NodeJS.Signals },
  ): Promise<ServiceExit | null>;
  /** Stops every service: the gateway first, then the backends. */
  stop(): Promise<ServiceExit[]>;
  isRunning(name: ServiceName): boolean;
  pid(name: ServiceName): number | undefined;
  /** The last lines each stream printed (kept even after the service exits). */
  lastLines(name: ServiceName): { stdout: string[]; stderr: string[] };
}

/** Spawns the services (backends first, then the gateway) and resolves once each answers. */
export function launchSuite(options?: LaunchOptions): Promise<Suite>;
/** The services whose dist/apps/<svc>/src/main.js exists. */
export function builtServices(root?: string): ServiceName[];
export function entryOf(service: ServiceName, root?: string): string;
/** The one line that says why a process ended, from its last stderr and stdout lines. */
export function reasonFrom(stderr: string[], stdout: string[]): string;
export const SERVICES: readonly ServiceName[];
export const BACKENDS: readonly Exclude<ServiceName, 'gateway'>[];
