import { trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { BaseConfig } from '../config/service-config';

/** Every span of the suite is made by this tracer (it follows the provider started below). */
export const tracer = trace.getTracer('timebank');

export interface Tracing {
  /** Ends tracing: spans still waiting in the batch are sent first. */
  shutdown(): Promise<void>;
}

/**
 * Starts this process's traces before anything can make a span: W3C trace
 * context as the one propagation format (HTTP, NATS headers, events), the
 * active span kept in AsyncLocalStorage, and spans sent by OTLP/HTTP in
 * batches only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector. Without one,
 * spans and their ids still exist, so every log line can name its trace.
 */
export function startTracing(service: string, config: BaseConfig): Tracing {
  const exporting = config.OTEL_EXPORTER_OTLP_ENDPOINT !== '';
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: `timebank-${service}` }),
    ),
    spanProcessors: exporting
      ? [
          new BatchSpanProcessor(new OTLPTraceExporter(), {
            scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY,
          }),
        ]
      : [],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return { shutdown: () => provider.shutdown() };
}
