/**
 * The bare reference of `npm run bench:gateway`, run as a child process: a
 * Fastify server whose GET /api/v1/echo asks a NATS responder (in this same
 * process, on `<prefix>.bench.echo`, in Nest's wire format, as the gateway asks
 * a service) and answers its reply as JSON. Nothing else: no guard, no
 * validation, no logging. Tells the parent its port over IPC.
 */
import Fastify from 'fastify';
import { connect, StringCodec } from 'nats';

const natsUrl = process.env.ECHO_NATS_URL ?? 'nats://127.0.0.1:4222';
const prefix = process.env.ECHO_PREFIX ?? 'tbbench_echo';

async function main(): Promise<void> {
  const codec = StringCodec();
  const nc = await connect({ servers: natsUrl.split(','), name: 'timebank-bench-echo' });
  const subject = `${prefix}.bench.echo`;
  nc.subscribe(subject, {
    queue: 'bench-echo',
    callback: (error, msg) => {
      if (error) return;
      const request = JSON.parse(codec.decode(msg.data)) as { id: string; data: unknown };
      msg.respond(
        codec.encode(
          JSON.stringify({ id: request.id, response: { echoed: request.data }, isDisposed: true }),
        ),
      );
    },
  });
  let seq = 0;
  const app = Fastify({ logger: false });
  app.get('/api/v1/echo', async (request) => {
    const id = `echo-${++seq}`;
    const reply = await nc.request(
      subject,
      codec.encode(JSON.stringify({ pattern: 'bench.echo', data: { path: request.url }, id })),
      { timeout: 10_000 },
    );
    return (JSON.parse(codec.decode(reply.data)) as { response: unknown }).response;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('disconnect', () => {
    void app
      .close()
      .then(() => nc.close())
      .then(() => process.exit(0));
  });
}

void main();
