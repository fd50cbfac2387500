import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@app/common';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { localeOf } from './language';
import { toProblem } from './to-problem';

/** Renders every error of a request, Fastify's own included, as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const locale = localeOf(request.headers);
    const { problem, internal } = toProblem(exception, String(request.id), locale);
    if (internal) {
      this.logger.error(
        exception instanceof Error
          ? (exception.stack ?? exception.message)
          : JSON.stringify(exception),
      );
    }
    if (problem.code === ErrorCode.RATE_LIMITED) setRetryAfter(reply, exception);
    if (problem.code === ErrorCode.SERVICE_UNAVAILABLE)
      setRetryAfter(reply, exception, UNAVAILABLE_RETRY_AFTER_SECONDS);
    void reply
      .status(problem.status)
      .headers({ 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': locale })
      .send(problem);
  }
}

/** A 503 tells the client when to ask again, even when what was away did not say. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/**
 * Clients read plain Retry-After: the gateway's own limiter names its wait per
 * limit (Retry-After-account), a service's limit or outage says it in its
 * error's details; else `fallback`, when given.
 */
function setRetryAfter(reply: FastifyReply, exception: unknown, fallback = NaN): void {
  const fromService =
    exception instanceof DomainError ? Number(exception.details?.retryAfterSeconds) : NaN;
  const waits = Object.entries(reply.getHeaders())
    .filter(([name]) => name.toLowerCase().startsWith('retry-after'))
    .map(([, value]) => Number(value))
    .concat(fromService)
    .filter((seconds) => Number.isFinite(seconds));
  if (waits.length === 0 && Number.isFinite(fallback)) waits.push(fallback);
  if (waits.length > 0) void reply.header('retry-after', String(Math.max(...waits)));
}
