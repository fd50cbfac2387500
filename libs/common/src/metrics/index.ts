import { Registry } from 'prom-client';

/**
 * The process's one Prometheus registry: the gateway serves it on GET /metrics,
 * a backend on METRICS_PORT. Every metric of the suite is registered here, named
 * `timebank_…`, and labelled with the service by the bootstrap.
 */
export const metricsRegistry = new Registry();

export const METRIC_PREFIX = 'timebank_';
