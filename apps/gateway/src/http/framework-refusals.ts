import helmet, { HelmetOptions } from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { localeOf } from './language';
import { toProblem } from './to-problem';

/**
 * The gateway's one helmet configuration, worked out once (securityHeaders): set on every
 * answer by http-hooks.ts and on the answers sent before any hook runs.
 * The web app and Swagger UI load only their own files: scripts from this origin and no
 * inline script; styles may be inline (Vant sets style attributes, Swagger UI a <style>);
 * images also as data: and blob: URLs (QR codes); fonts also as data: (Vant's icon font).
 */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      // Not upgrade-insecure-requests (a helmet default): every URL of the app is relative,
      // and on plain http (127.0.0.1:3000, a community centre's LAN) it would break them.
    },
  },
};

/** Nothing the gateway answers may be kept by a cache: tokens, personal data, problems. */
export const NO_STORE = 'no-store';

let securityHeadersOnce: Record<string, string> | undefined;

/**
 * The headers helmet sets, computed once by running helmet against a stand-in
 * response: the answers below are sent before (or without) Fastify's hooks.
 */
export function securityHeaders(): Record<string, string> {
  if (!securityHeadersOnce) {
    const headers: Record<string, string> = {};
    const collector = {
      setHeader: (name: string, value: string) => {
        headers[name.toLowerCase()] = String(value);
      },
      removeHeader: (name: string) => {
        delete headers[name.toLowerCase()];
      },
    };
    helmet(HELMET_OPTIONS)(
      {} as IncomingMessage,
      collector as unknown as ServerResponse,
      () => undefined,
    );
    securityHeadersOnce = headers;
  }
  return securityHeadersOnce;
}

/**
 * Fastify's `frameworkErrors`: refusals made while routing (a path segment
 * over maxParamLength, a URL that does not decode), before any hook has run.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const locale = localeOf(request.headers);
  const { problem } = toProblem(error, String(request.id), locale);
  void reply
    .status(problem.status)
    .headers({
      ...securityHeaders(),
      'x-request-id': String(request.id),
      'cache-control': NO_STORE,
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-language': locale,
    })
    .send(problem);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (headers too
 * large, not HTTP at all) never becomes a request, so the answer is written to
 * the socket by hand, still as the contract's problem.
 */
export function clientErrorHandler(logger: Logger) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    // A reset connection is gone; there is nobody to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const requestId = randomUUID();
    // Nothing of the request was parsed, its Accept-Language included.
    const locale = localeOf(undefined);
    const { problem } = toProblem(error, requestId, locale);
    logger.info({ requestId, code: error.code, status: problem.status }, 'client error');
    if (socket.writable) {
      const body = JSON.stringify(problem);
      const headers: Record<string, string> = {
        ...securityHeaders(),
        'x-request-id': requestId,
        'cache-control': NO_STORE,
        'content-type': PROBLEM_CONTENT_TYPE,
        'content-language': locale,
        'content-length': String(Buffer.byteLength(body)),
        connection: 'close',
      };
      const head = Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\r\n');
      socket.write(
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head}\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}
