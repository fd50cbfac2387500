import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import { loadConfig } from '@app/common';
import { AccountingConfig } from '../../apps/accounting/src/accounting.config';
import { GatewayConfig, productionProblems } from '../../apps/gateway/src/config/gateway-config';
import { RequestsConfig } from '../../apps/requests/src/requests.config';
import { RewardsConfig } from '../../apps/rewards/src/rewards.config';
import { VolunteersConfig } from '../../apps/volunteers/src/volunteers.config';
import { parseDocuments } from './check';

const TREE = path.join(__dirname, '..', '..', 'deploy', 'kubernetes');

const CONFIGS: Record<string, new () => object> = {
  gateway: GatewayConfig,
  volunteers: VolunteersConfig,
  accounting: AccountingConfig,
  requests: RequestsConfig,
  rewards: RewardsConfig,
};

/** What the platform team's Secrets hold, in the shape the services accept. */
const SECRET_VALUES: Record<string, string> = {
  JWT_SECRET: 'j'.repeat(64),
  CHECK_IN_SECRET: 'c'.repeat(64),
  BOOTSTRAP_ADMIN_PASSWORD: 'a-long-secret-for-the-first-admin',
  uri: 'postgresql://timebank:secret@timebank-db-rw.timebank:5432/timebank',
};

/** The ConfigMap's settings, as the kustomization's generator writes them. */
function configMap(): Record<string, string> {
  const kustomization = yaml.load(
    fs.readFileSync(path.join(TREE, 'kustomization.yaml'), 'utf8'),
  ) as { configMapGenerator: Array<{ name: string; literals: string[] }> };
  const generator = kustomization.configMapGenerator.find((g) => g.name === 'timebank-config');
  return Object.fromEntries(
    (generator?.literals ?? []).map((line) => [
      line.slice(0, line.indexOf('=')),
      line.slice(line.indexOf('=') + 1),
    ]),
  );
}

/** The environment the service's container gets: its own values, Secrets, the ConfigMap. */
function environmentOf(service: string): Record<string, string> {
  const documents = parseDocuments(fs.readFileSync(path.join(TREE, `${service}.yaml`), 'utf8'));
  const deployment = documents.find((d) => d.kind === 'Deployment') as unknown as IDeployment;
  const [container] = deployment.spec?.template.spec?.containers ?? [];
  const env: Record<string, string> = { ...configMap() };
  for (const { name, value, valueFrom } of container.env ?? []) {
    const key = valueFrom?.secretKeyRef?.key;
    env[name] = value ?? (key !== undefined ? SECRET_VALUES[key] : '');
  }
  return env;
}

describe('deploy/kubernetes settings', () => {
  it.each(Object.keys(CONFIGS))('are accepted by %s in production', (service) => {
    const env = environmentOf(service);
    expect(env.NODE_ENV).toBe('production');
    const config = loadConfig(CONFIGS[service], env);
    if (config instanceof GatewayConfig) expect(productionProblems(config)).toEqual([]);
  });

  it('name only settings some service reads (a misspelt one would be ignored)', () => {
    const read = new Set(Object.values(CONFIGS).flatMap((schema) => Object.keys(new schema())));
    const unread = Object.keys(configMap()).filter((key) => !read.has(key));
    expect(unread).toEqual([]);
  });
});
