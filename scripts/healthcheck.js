#!/usr/bin/env node
// Container probe for the service named by $SERVICE. Readiness (no argument): the
// gateway must answer GET /api/v1/health/ready with 200; a backend must answer its
// NATS readiness subject (`<service>.health.ready`) with ready: true, which it does
// only once migrated, with its consumers set up and PostgreSQL and NATS reachable.
// Liveness (`healthcheck.js live`, Kubernetes' livenessProbe): the gateway's
// GET /api/v1/health/live, a backend's `<service>.health.live`, which it answers
// from before its migrations run. Exit 0 when healthy, 1 otherwise.
'use strict';

const service = process.env.SERVICE || 'gateway';
const question = process.argv[2] === 'live' ? 'live' : 'ready';
const timeoutMs = 3000;

async function gatewayHealthy() {
  const port = process.env.PORT || '3000';
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/health/${question}`, {
    signal: AbortSignal.timeout(timeoutMs),
  });
  return res.status === 200;
}

async function backendHealthy() {
  const { connect, StringCodec } = require('nats');
  const codec = StringCodec();
  const prefix = process.env.NATS_SUBJECT_PREFIX || 'timebank';
  const servers = (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(',').map((s) => s.trim());
  const pattern = `${service}.health.${question}`;
  const nc = await connect({ servers, timeout: timeoutMs, reconnect: false, name: 'healthcheck' });
  try {
    const message = {
      pattern,
      id: 'healthcheck',
      data: { requestId: 'healthcheck', actor: null, data: {} },
    };
    const reply = await nc.request(`${prefix}.${pattern}`, codec.encode(JSON.stringify(message)), {
      timeout: timeoutMs,
    });
    const answer = JSON.parse(codec.decode(reply.data))?.response;
    if (question === 'live') return answer?.status === 'up';
    if (answer?.ready === true) return true;
    process.stderr.write(`${service} not ready: ${(answer?.notReady ?? []).join(', ')}\n`);
    return false;
  } finally {
    await nc.close();
  }
}

(service === 'gateway' ? gatewayHealthy() : backendHealthy()).then(
  (healthy) => process.exit(healthy ? 0 : 1),
  (error) => {
    process.stderr.write(
      `${service} unhealthy: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  },
);
