import { propagation, ROOT_CONTEXT, SpanContext, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { headers } from 'nats';
import {
  contextOfFields,
  contextOfNatsHeaders,
  natsHeadersWith,
  traceContextFields,
} from './carriers';

const caller: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
};
const callerContext = trace.setSpanContext(ROOT_CONTEXT, caller);

beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));
afterAll(() => propagation.disable());

describe('trace context carriers', () => {
  it('carries a trace in NATS headers as W3C traceparent', () => {
    const carrier = natsHeadersWith(callerContext);
    expect(carrier.get('traceparent')).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
    expect(trace.getSpanContext(contextOfNatsHeaders(carrier))).toEqual(caller);
  });

  it('keeps a trace as plain fields (an outbox row) and gives it back', () => {
    const fields = traceContextFields(callerContext);
    expect(trace.getSpanContext(contextOfFields(JSON.parse(JSON.stringify(fields))))).toEqual(
      caller,
    );
  });

  it('starts no trace from a message or row without one, or with a malformed one', () => {
    expect(traceContextFields(ROOT_CONTEXT)).toBeNull();
    expect(trace.getSpanContext(contextOfFields(null))).toBeUndefined();
    expect(trace.getSpanContext(contextOfNatsHeaders(undefined))).toBeUndefined();
    const malformed = headers();
    malformed.set('traceparent', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`);
    expect(trace.getSpanContext(contextOfNatsHeaders(malformed))).toBeUndefined();
  });
});
