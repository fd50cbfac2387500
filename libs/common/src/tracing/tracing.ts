import { context, diag, DiagLogLevel, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { setGlobalErrorHandler, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import { BaseConfig } from '../config/service-config';

/** Every span of the suite is made by this tracer (it follows the provider started below). */
export const tracer = trace.getTracer('timebank');

/** The collector's traces address, as OpenTelemetry's settings define it from the base one. */
function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

export interface Tracing {
  /** Ends tracing: spans still waiting in the batch are sent first. */
  shutdown(): Promise<void>;
}

/**
 * The OpenTelemetry libraries' own complaints (a collector out of reach, spans
 * dropped from a full queue) as warnings in the service's log: otherwise spans
 * would be lost without a word. Logged outside any trace, since they belong to
 * none (the export's timer may have been set while some request's span was active).
 */
function reportDiagnosticsTo(logger: Logger): void {
  const describe = (value: unknown) => (value instanceof Error ? value.message : String(value));
  const warn = (...parts: unknown[]) =>
    context.with(ROOT_CONTEXT, () =>
      logger.warn({ context: 'OpenTelemetry' }, parts.map(describe).join(' ')),
    );
  const ignore = () => undefined;
  diag.setLogger(
    { error: warn, warn, info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
  setGlobalErrorHandler((error) => warn('spans not sent:', error));
}

/**
 * Starts this process's traces before anything can make a span: W3C trace
 * context as the one propagation format (HTTP, NATS headers, events), the
 * active span kept in AsyncLocalStorage, and spans sent by OTLP/HTTP in
 * batches only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector. Without one,
 * a trace the caller did not mark as sampled is not recorded (nothing would
 * read it: its spans were only garbage, on every request), but its ids still
 * exist and travel, so every log line can name its trace. Export failures are
 * logged as warnings.
 */
export function startTracing(service: string, config: BaseConfig, logger: Logger): Tracing {
  reportDiagnosticsTo(logger);
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  const provider = new NodeTracerProvider({
    // With a collector, the standard sampler settings (OTEL_TRACES_SAMPLER) apply. Without one,
    // a caller's sampled flag is still kept: it asked for the trace, and the flag travels on.
    ...(endpoint ? {} : { sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }) }),
    resource: defaultResource().merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: `timebank-${service}` }),
    ),
    spanProcessors: endpoint
      ? [
          new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(endpoint) }), {
            scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY,
          }),
        ]
      : [],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return {
    // A collector out of reach loses the last spans, not the clean stop.
    shutdown: () =>
      provider
        .shutdown()
        .catch((error: Error) =>
          logger.warn({ context: 'OpenTelemetry' }, `spans not sent at shutdown: ${error.message}`),
        ),
  };
}
