import { loadConfig } from '@app/common';
import { GatewayConfig, productionProblems } from './gateway-config';

const SECRET = 'a-production-secret-of-32-characters-or-more';

describe('the gateway in production', () => {
  const problems = (env: Record<string, string>) =>
    productionProblems(
      loadConfig(GatewayConfig, { NODE_ENV: 'production', JWT_SECRET: SECRET, ...env }),
    );

  it('refuses GET /metrics open to anyone', () => {
    expect(problems({})).toEqual([
      'METRICS_PORT or METRICS_TOKEN is required in production (GET /metrics would be public)',
    ]);
  });

  it('takes a token or a metrics port of its own', () => {
    expect(problems({ METRICS_TOKEN: 'x'.repeat(32) })).toEqual([]);
    expect(problems({ METRICS_PORT: '9464' })).toEqual([]);
  });

  it('refuses a short token or one with spaces', () => {
    for (const token of ['short', `${'x'.repeat(32)} y`]) {
      expect(() => loadConfig(GatewayConfig, { METRICS_TOKEN: token })).toThrow(/METRICS_TOKEN/);
    }
  });
});
