import { BackendService, HEALTH_MESSAGES, MessageContract, NoPayload } from '@app/contracts';
import { connect, JSONCodec, NatsConnection } from 'nats';
import { subjectFor } from '../nats/envelope';

/** The checks readiness runs once the service has started; each resolves to up or not. */
export type ReadinessChecks = Record<string, () => Promise<boolean>>;

export interface ServiceProbes {
  /** From now on readiness runs these checks instead of answering "migrations". */
  started(checks: ReadinessChecks): void;
  close(): Promise<void>;
}

const codec = JSONCodec();

/** Resolves false if `check` fails or has not answered within `ms`. */
export async function within(ms: number, check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([check().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Answers liveness and readiness over NATS on a connection of its own, opened
 * before migrations run: an orchestrator sees the service alive but not ready
 * while it migrates, rather than silent. Replies in Nest's message shape, so
 * ServiceClient and scripts/healthcheck.js read them like any other answer.
 */
export async function startServiceProbes(options: {
  service: BackendService;
  servers: string[];
  prefix: string;
}): Promise<ServiceProbes> {
  const { service } = options;
  const nc: NatsConnection = await connect({
    servers: options.servers,
    name: `${service}-probes`,
    maxReconnectAttempts: -1,
  });
  let checks: ReadinessChecks | null = null;

  const answer = async <R>(
    { subject }: MessageContract<NoPayload, R>,
    respond: () => Promise<R>,
  ) => {
    const sub = nc.subscribe(subjectFor(options.prefix, subject), { queue: service });
    for await (const msg of sub) {
      let id: unknown = null;
      try {
        id = (codec.decode(msg.data) as { id?: unknown }).id ?? null;
      } catch {
        // A probe need not send a body: it still gets an answer.
      }
      const response = await respond();
      msg.respond(codec.encode({ id, response, isDisposed: true }));
    }
  };

  const { live, ready } = HEALTH_MESSAGES[service];
  void answer(live, () => Promise.resolve({ service, status: 'up' }));
  void answer(ready, async () => {
    if (!checks) return { service, ready: false, notReady: ['migrations'] };
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => checks![name]()));
    const notReady = names.filter((_, i) => !results[i]);
    return { service, ready: notReady.length === 0, notReady };
  });
  await nc.flush();

  return {
    started(readinessChecks) {
      checks = readinessChecks;
    },
    async close() {
      await nc.drain().catch(() => undefined);
    },
  };
}
