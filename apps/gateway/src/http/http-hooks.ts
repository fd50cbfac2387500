import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { logContext } from '@app/common';
import { NO_STORE, securityHeaders } from './framework-refusals';
import { localeOf } from './language';

/**
 * What Fastify does around every request: helmet's security headers (HELMET_OPTIONS, worked
 * out once; @fastify/helmet built helmet's middleware again for every request), the
 * X-Request-Id header and Cache-Control: no-store and Content-Language on every response
 * (tokens and personal data must not sit in a shared cache), except the web app's files,
 * which web/web-app.ts sends with their own caching; the request's log context (its id)
 * around the route and its guards, so what they log and every call to a service carry it (a
 * hook rather than a Nest interceptor: cheaper, and the guard's calls are inside it too); and
 * one access log line per request. (Fastify's own refusals, such as bad JSON or a body over
 * the limit, reach the ProblemFilter through Nest.)
 */ export function installHttpHooks(fastify: FastifyInstance, logger: Logger): void {
  const security = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply
      .headers(security)
      .header('x-request-id', request.id)
      .header('cache-control', NO_STORE)
      // Problems and tier and category names are in this language (API.md "Language").
      .header('content-language', localeOf(request.headers));
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    logContext.run({ requestId: String(request.id) }, done);
  });
  // The access line's fields are fixed and hold no secret: it skips the redaction every other
  // line goes through (about 4 µs a line, most of the line's cost).
  const access = logger.child({}, { redact: { paths: [] } });
  fastify.addHook('onResponse', (request, reply, done) => {
    access.info(
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
