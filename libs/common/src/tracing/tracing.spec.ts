import {
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanContext,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import pino from 'pino';
import { BaseConfig } from '../config/service-config';
import { startTracing, Tracing, tracer } from './tracing';

const sampledCaller: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
};

describe('tracing without a collector', () => {
  let tracing: Tracing;

  beforeAll(() => {
    const config = Object.assign(new BaseConfig(), { OTEL_EXPORTER_OTLP_ENDPOINT: '' });
    tracing = startTracing('test', config, pino({ level: 'silent' }));
  });
  afterAll(() => tracing.shutdown());

  it('records no span of a new trace, yet gives it ids that the logs and the next hop carry', () => {
    const span = tracer.startSpan('request', {}, ROOT_CONTEXT);
    expect(span.isRecording()).toBe(false);
    expect(isSpanContextValid(span.spanContext())).toBe(true);
    expect(span.spanContext().traceFlags & TraceFlags.SAMPLED).toBe(0);

    const child = tracer.startSpan('call', {}, trace.setSpan(ROOT_CONTEXT, span));
    expect(child.spanContext().traceId).toBe(span.spanContext().traceId);
    expect(child.isRecording()).toBe(false);
  });

  it("records the trace a caller marked as sampled, and keeps the caller's flag", () => {
    const span = tracer.startSpan('request', {}, trace.setSpanContext(ROOT_CONTEXT, sampledCaller));
    expect(span.isRecording()).toBe(true);
    expect(span.spanContext().traceId).toBe(sampledCaller.traceId);
    expect(span.spanContext().traceFlags & TraceFlags.SAMPLED).toBe(TraceFlags.SAMPLED);
  });
});
