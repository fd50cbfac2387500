import type { FastifyInstance } from 'fastify';
import { DomainError, fieldError } from '@app/common';

/** API.md: JSON nested deeper than this is bad input. */
export const MAX_JSON_DEPTH = 32;

const OPENERS = new Set(['{', '[']);
const CLOSERS = new Set(['}', ']']);

/**
 * Whether a JSON text nests objects and arrays deeper than `max` levels,
 * brackets inside strings not counted. One pass over the characters with a
 * counter, no recursion and no parsing, so a megabyte of `{"a":` costs a
 * scan, not a stack overflow further on (class-transformer and the
 * validators walk what JSON.parse builds recursively).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (OPENERS.has(char)) {
      depth++;
      if (depth > max) return true;
    } else if (CLOSERS.has(char)) {
      depth--;
    }
  }
  return false;
}

/**
 * The gateway's only body parser: application/json within `bodyLimit` bytes
 * and MAX_JSON_DEPTH levels, then parsed by Fastify's own parser
 * (secure-json-parse, __proto__ and constructor.prototype refused). Any other
 * content type is 415, text/plain included.
 */
export function installJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = body as string;
      if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
        const tooDeep = fieldError('body', 'http.jsonTooDeep', { maxDepth: MAX_JSON_DEPTH });
        done(DomainError.validation([tooDeep]), undefined);
        return;
      }
      void parseJson(request, text, done);
    },
  );
}
