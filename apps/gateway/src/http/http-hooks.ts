import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * What Fastify does around every request: the X-Request-Id header on every
 * response and one access log line per request. (Fastify's own refusals, such
 * as bad JSON or a body over the limit, reach the ProblemFilter through Nest.)
 */
export function installHttpHooks(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });
}
