import { Context, context, Span, SpanOptions, SpanStatusCode, trace } from '@opentelemetry/api';
import { DomainError } from '../errors/domain-error';
import { tracer } from './tracing';

/** Attribute naming the DomainError code a span's work was refused with. */
export const ATTR_ERROR_CODE = 'timebank.error.code';

/**
 * Ends a span with what its work came to. A refusal by a domain rule (a 4xx
 * answer) is an answer, not a fault: it is named on the span but leaves its
 * status alone; anything else marks the span as failed.
 */
export function endSpan(span: Span, error?: unknown): void {
  if (error instanceof DomainError) span.setAttribute(ATTR_ERROR_CODE, error.code);
  if (error !== undefined && !(error instanceof DomainError && error.status < 500)) {
    const failure = error instanceof Error ? error : new Error(JSON.stringify(error));
    span.recordException(failure);
    span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
  }
  span.end();
}

/** Runs `work` in a new span, child of `parent` (the active context by default), and ends it. */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
  parent: Context = context.active(),
): Promise<T> {
  const span = tracer.startSpan(name, options, parent);
  try {
    // The span is active while `work` runs: what it logs, calls and writes carries it.
    const result = await context.with(trace.setSpan(parent, span), () => work(span));
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}
