import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE = /^[A-Za-z0-9._:@/+=-]{1,200}$/;

/** Echo the client's X-Request-Id when it is a sane token; otherwise mint one. */
export function requestIdFor(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value && ACCEPTABLE.test(value) ? value : randomUUID();
}
