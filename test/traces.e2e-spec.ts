import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { adminToken, completedRequest, neighbours, SignedIn } from './support/fixtures';
import { ok } from './support/http';
import { OtlpReceiver } from './support/otlp';
import { E2E_LOG, startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { until } from './support/wait';

/**
 * Issue 12, item 4: one user action is one trace across the services it
 * touches, through request–reply and through the events it causes. The suite
 * sends its spans by OTLP/HTTP to a receiver in this test, as to a collector.
 */

const receiver = new OtlpReceiver();
let suite: TestSuite;
let admin: string;
const label = `traces-${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  const endpoint = await receiver.start();
  suite = await startPrivateSuite({
    label,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      // The backends log each call they answer at debug level: lines of the action to look for.
      LOG_LEVEL: 'debug',
    },
  });
  admin = await adminToken(suite.api);
}, SUITE_START_MS);

afterAll(async () => {
  await suite?.stop();
  await receiver.stop();
});

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** A request posted by a resident with credits, accepted and completed by a volunteer. */
async function readyToConfirm(): Promise<{ id: string; resident: SignedIn }> {
  const cast = await neighbours(admin, {}, suite.api);
  return { id: await completedRequest(cast, 60, suite.api), resident: cast.resident };
}

/** The suite's JSON log lines (test/logs/e2e.log) that name `traceId`, by service. */
function logLinesOf(
  traceId: string,
): Array<{ service: string; spanId?: string; msg: string; requestId?: string }> {
  return fs
    .readFileSync(E2E_LOG, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith(`${label} `) && line.includes(traceId))
    .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, string>)
    .filter((entry) => entry.traceId === traceId)
    .map((entry) => ({
      service: entry.service,
      spanId: entry.spanId,
      msg: entry.msg,
      requestId: entry.requestId,
    }));
}

describe('traces', () => {
  it('follows a confirmation with its traceparent through every service it touches', async () => {
    const { id, resident } = await readyToConfirm();
    const traceId = hex(16);
    const callerSpanId = hex(8);
    const requestId = `e2e-${hex(8)}`;

    const confirmed = await suite.api('POST', `/requests/${id}/confirm`, {
      token: resident.token,
      body: { rating: 5 },
      headers: {
        traceparent: `00-${traceId}-${callerSpanId}-01`,
        tracestate: 'tb=e2e',
        'x-request-id': requestId,
      },
    });
    ok(confirmed, 200, 'confirm');
    expect(confirmed.headers.traceresponse).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // The gateway's span, the requests service's, then the events' consumers in accounting and volunteers.
    const services = ['gateway', 'requests', 'accounting', 'volunteers'].map(
      (s) => `timebank-${s}`,
    );
    const spans = await until(
      'spans of the confirmation from every service',
      async () => receiver.inTrace(traceId),
      (found) =>
        services.every((service) => found.some((span) => span.service === service)) &&
        found.some((span) => span.name === 'process accounting.transfer.posted'),
    );
    const named = (service: string, name: string) =>
      spans.find((span) => span.service === `timebank-${service}` && span.name === name);
    const gatewaySpan = named('gateway', 'POST /api/v1/requests/:id/confirm');
    expect(gatewaySpan?.parentSpanId).toBe(callerSpanId);
    expect(confirmed.headers.traceresponse).toBe(`00-${traceId}-${gatewaySpan?.spanId}-01`);
    expect(named('gateway', 'requests.request.confirm')).toBeDefined();
    expect(named('requests', 'requests.request.confirm')).toBeDefined();
    expect(named('requests', 'publish requests.hours.verified')).toBeDefined();
    expect(named('accounting', 'process requests.hours.verified')).toBeDefined();
    expect(named('volunteers', 'process accounting.transfer.posted')).toBeDefined();
    // One trace, one tree: every span but the gateway's has its parent in the trace.
    const ids = new Set(spans.map((span) => span.spanId));
    for (const span of spans.filter((s) => s !== gatewaySpan)) {
      expect({ span: span.name, parentFound: ids.has(span.parentSpanId) }).toEqual({
        span: span.name,
        parentFound: true,
      });
    }

    const lines = await until(
      'log lines of the confirmation in the gateway and the requests service',
      async () => logLinesOf(traceId),
      (found) =>
        found.some((line) => line.service === 'gateway' && line.msg === 'request') &&
        found.some((line) => line.service === 'requests'),
    );
    for (const line of lines) expect(ids.has(line.spanId ?? '')).toBe(true);
    // The request's id goes with it: the gateway's access line and the service's lines name it.
    const ofRequest = lines.filter(
      (line) => line.service !== 'volunteers' && line.service !== 'accounting',
    );
    expect(ofRequest.length).toBeGreaterThan(1);
    for (const line of ofRequest)
      expect({ ...line, requestId: line.requestId }).toEqual({ ...line, requestId });
  });

  it('starts a new trace for a request without a valid traceparent', async () => {
    const fresh = await suite.api('GET', '/health/live');
    const malformed = await suite.api('GET', '/health/live', {
      headers: { traceparent: `00-${'0'.repeat(32)}-${hex(8)}-01` },
    });
    const traceOf = (header: string | undefined) =>
      /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/.exec(header ?? '')?.[1];
    const traces = [traceOf(fresh.headers.traceresponse), traceOf(malformed.headers.traceresponse)];
    expect(traces.every((traceId) => traceId && !/^0+$/.test(traceId))).toBe(true);
    expect(traces[0]).not.toBe(traces[1]);

    for (const traceId of traces) {
      const [span] = await until(
        `the gateway's span of trace ${traceId}`,
        async () => receiver.inTrace(traceId!),
        (found) => found.length > 0,
      );
      expect(span).toMatchObject({
        service: 'timebank-gateway',
        name: 'GET /api/v1/health/live',
        parentSpanId: '',
      });
    }
  });
});
