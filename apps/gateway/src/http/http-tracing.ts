import {
  context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanContext,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tracer } from '@app/common';

/** The header naming an answer's trace (W3C Trace Context Level 2's `traceresponse`). */
export const TRACE_RESPONSE_HEADER = 'traceresponse';

const spans = new WeakMap<FastifyRequest, Span>();

/** `00-<trace id>-<span id>-<flags>`: the trace an answer belongs to and the gateway's span in it. */
export function traceResponseOf(span: SpanContext): string {
  return `00-${span.traceId}-${span.spanId}-${span.traceFlags.toString(16).padStart(2, '0')}`;
}

/** `GET /api/v1/requests/:id`: the method and route pattern, never the ids in a path. */
function spanNameOf(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  return route ? `${request.method} ${route}` : request.method;
}

function startRequestSpan(request: FastifyRequest): Span {
  // A malformed traceparent (or none) extracts nothing: the request starts a new trace.
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const route = request.routeOptions.url;
  const span = tracer.startSpan(
    spanNameOf(request),
    {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: request.method,
        // The path without its query: queries may hold names and phone numbers.
        [ATTR_URL_PATH]: request.url.split('?')[0],
        ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
      },
    },
    parent,
  );
  spans.set(request, span);
  return span;
}

/** Runs `next` with the request's span active, so what it logs and calls joins the trace. */
function withinRequestSpan(request: FastifyRequest, next: () => void): void {
  const span = spans.get(request);
  if (span) context.with(trace.setSpan(context.active(), span), next);
  else next();
}

function endRequestSpan(request: FastifyRequest, status?: number): void {
  const span = spans.get(request);
  if (!span) return;
  spans.delete(request);
  if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
  // A 4xx is the client's mistake, not the server's: only 5xx (or no answer) marks a failure.
  if (status === undefined || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * Every HTTP request in a server span `<METHOD> <route pattern>`, the child of
 * the client's W3C `traceparent` (and `tracestate`) when it sent a valid one,
 * else the root of a new trace; every answer names it in `traceresponse`.
 * Fastify's hooks share no async context (a body arrives on socket events), so
 * the span is made active again for each stage that logs or calls services:
 * the request hooks, the route with its guards (preHandler), and the access
 * log (onResponse). Install before the other hooks, so theirs run inside it.
 */
export function installHttpTracing(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const span = startRequestSpan(request);
    void reply.header(TRACE_RESPONSE_HEADER, traceResponseOf(span.spanContext()));
    withinRequestSpan(request, done);
  });
  fastify.addHook('preHandler', (request, _reply, done) => withinRequestSpan(request, done));
  fastify.addHook('onResponse', (request, reply, done) =>
    withinRequestSpan(request, () => {
      endRequestSpan(request, reply.statusCode);
      done();
    }),
  );
  fastify.addHook('onRequestAbort', (request, done) => {
    endRequestSpan(request);
    done();
  });
}
