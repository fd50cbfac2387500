#!/usr/bin/env node
// Container health probe for the service named by $SERVICE: the gateway must
// answer GET /api/v1/health with 200; a backend must answer its NATS health
// subject with status "up". Exit 0 when healthy, 1 otherwise.
'use strict';

const service = process.env.SERVICE || 'gateway';
const timeoutMs = 3000;

async function gatewayHealthy() {
  const port = process.env.PORT || '3000';
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, {
    signal: AbortSignal.timeout(timeoutMs),
  });
  return res.status === 200;
}

async function backendHealthy() {
  const { connect, StringCodec } = require('nats');
  const codec = StringCodec();
  const prefix = process.env.NATS_SUBJECT_PREFIX || 'timebank';
  const servers = (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(',');
  const pattern = `${service}.health.check`;
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
    return JSON.parse(codec.decode(reply.data))?.response?.status === 'up';
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
