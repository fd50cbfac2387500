import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerService } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { Logger } from 'pino';

export interface LogContext {
  requestId?: string;
}

/** Carries the request id of the call being served, so every log line can name it. */
export const logContext = new AsyncLocalStorage<LogContext>();

export function currentRequestId(): string | undefined {
  return logContext.getStore()?.requestId;
}

/** The trace and span of the work being done, so a log line leads to its trace. */
function traceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

export function createLogger(service: string, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId, ...traceFields() } : traceFields();
      },
      redact: {
        paths: [
          'password',
          '*.password',
          '*.*.password',
          'passwordHash',
          '*.passwordHash',
          'authorization',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    // Written asynchronously: lines made in one turn of the event loop leave in one write
    // instead of one blocking write each (at info level, a request line per request).
    // pino flushes what is left synchronously when the process exits.
    pino.destination({ dest: 1, sync: false }),
  );
}

/** Lets Nest's own messages go through the same JSON logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
