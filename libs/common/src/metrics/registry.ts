import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry: the gateway serves it on GET /metrics,
 * a backend on METRICS_PORT. Every metric of the suite is registered here, named
 * `timebank_…`, and labelled with the service by the bootstrap.
 */
export const metricsRegistry = new Registry();

export const METRIC_PREFIX = 'timebank_';

/**
 * Labels every metric of this process with its service and adds Node's own
 * (CPU, memory, event loop lag, heap) under the suite's prefix. Once per process.
 */
export function instrumentProcess(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry, prefix: METRIC_PREFIX });
}
