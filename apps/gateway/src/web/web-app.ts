import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '@app/common';
import { localeOf } from '../http/language';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { toProblem } from '../http/to-problem';
import { diskWebRoot, REVALIDATE, webAnswer } from './web-answer';

/**
 * Serves the web app at `/` from `root` (see webAnswer), for a GET or HEAD that
 * matched no route. Not as a `/*` route: the router would then take every path
 * it refuses (an over-long segment is a 400) as that route's instead.
 * Under /api/ it answers nothing, and Nest's not-found handler answers the API's
 * problem+json 404 as before.
 */
export async function serveWebApp(
  fastify: FastifyInstance,
  root: string,
  logger: Logger,
): Promise<void> {
  const webRoot = diskWebRoot(root);
  if (!webRoot.hasIndex()) {
    logger.warn({ webRoot: root }, 'the web app is not built: / answers 404 until it is');
  }
  await fastify.register(fastifyStatic, {
    root,
    serve: false,
    // Set by webAnswer instead; send's own would be `public, max-age=0`.
    cacheControl: false,
    dotfiles: 'deny',
    index: false,
    suppressWarning: true,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const answer = webAnswer(request.url.split('?')[0], request.headers.accept, webRoot);
    switch (answer.kind) {
      case 'file':
        return sendWebFile(reply, answer.file, answer.cacheControl);
      case 'index':
        return sendWebFile(reply, 'index.html', REVALIDATE);
      case 'not-built':
        return notBuilt(request, reply);
      case 'not-found':
        return;
    }
  });
}

function sendWebFile(reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
  // The build is the same in every language; the API's Content-Language says nothing of it.
  reply.removeHeader('content-language');
  return reply.header('cache-control', cacheControl).sendFile(`/${file}`);
}

function notBuilt(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeOf(request.headers);
  const { problem } = toProblem(
    DomainError.of(ErrorCode.NOT_FOUND, 'http.webAppNotBuilt'),
    String(request.id),
    locale,
  );
  return reply
    .status(problem.status)
    .headers({ 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': locale })
    .send(problem);
}
