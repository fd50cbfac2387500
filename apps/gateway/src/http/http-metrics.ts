import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  httpDuration,
  httpRequests,
  MetricsServer,
  metricsRegistry,
  startMetricsServer,
} from '@app/common';
import { GatewayConfig } from '../config/gateway-config';

/** The route label of a request no route matched (a 404, a probe for /wp-admin …). */
export const UNMATCHED_ROUTE = 'unmatched';
/** The route label of the web app's files, served for paths no API route matched. */
export const WEB_APP_ROUTE = 'web';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The gateway's metrics: every response counted, and the registry served on
 * METRICS_PORT when set (the returned server, to close at shutdown), else at
 * GET /metrics on the public port.
 */
export async function exposeMetrics(
  fastify: FastifyInstance,
  config: GatewayConfig,
): Promise<MetricsServer | null> {
  installHttpMetrics(fastify);
  if (config.METRICS_PORT > 0) return startMetricsServer('gateway', config.METRICS_PORT);
  serveMetricsRoute(fastify, config.METRICS_TOKEN);
  return null;
}

/**
 * Counts and times every response the gateway sends, 4xx and 5xx and
 * Fastify's own refusals included, by route pattern (`/api/v1/members/:id`),
 * never the raw URL: the labels stay few however many ids or junk paths
 * clients send.
 */
function installHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = {
      route: routeOf(request, reply),
      method: METHODS.has(request.method) ? request.method : 'OTHER',
      status: String(reply.statusCode),
    };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}

function routeOf(request: FastifyRequest, reply: FastifyReply): string {
  if (!request.is404) return request.routeOptions.url ?? UNMATCHED_ROUTE;
  return reply.statusCode < 400 ? WEB_APP_ROUTE : UNMATCHED_ROUTE;
}

/**
 * GET /metrics on the public port, outside /api/v1. With a token, only a
 * scraper sending `Authorization: Bearer <token>` reads it (the gateway faces
 * the internet); without one it is open, which production refuses unless the
 * metrics are served on METRICS_PORT instead (config/gateway-config.ts).
 */
function serveMetricsRoute(fastify: FastifyInstance, token: string): void {
  const expected = token === '' ? null : digest(`Bearer ${token}`);
  fastify.get('/metrics', async (request, reply) => {
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .type('text/plain')
        .send('a bearer token is required\n');
    }
    return reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}

/** Fixed-length digests, so comparing them takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
