import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { parseDocuments, problemsOf } from './check';
import { KubeObject, SchemaValidator } from './schemas';

const TREE = path.join(__dirname, '..', '..', 'deploy', 'kubernetes');
const SCHEMAS = path.join(TREE, 'schemas');
const CHART_DEFAULTS = yaml.load(
  fs.readFileSync(path.join(TREE, 'nats', 'chart-defaults.yaml'), 'utf8'),
);

/** A small set of objects that is right in every way the checker looks at. */
const OBJECTS = `
apiVersion: v1
kind: ConfigMap
metadata: { name: timebank-config }
data:
  NATS_URL: nats://nats-0.nats-headless:4222,nats://nats-1.nats-headless:4222,nats://nats-2.nats-headless:4222
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: rewards }
spec:
  selector: { matchLabels: { app: rewards } }
  template:
    metadata: { labels: { app: rewards } }
    spec:
      containers:
        - name: rewards
          image: timebank
          env:
            - name: DATABASE_URL
              valueFrom: { secretKeyRef: { name: db-app, key: uri } }
          envFrom:
            - configMapRef: { name: timebank-config }
          ports: [{ name: metrics, containerPort: 9464 }]
          livenessProbe: { tcpSocket: { port: metrics } }
          readinessProbe: { exec: { command: [node, scripts/healthcheck.js] } }
          resources:
            requests: { cpu: 250m, memory: 192Mi }
            limits: { cpu: '1', memory: 384Mi }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: rewards }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: rewards }
  minReplicas: 2
  maxReplicas: 4
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: rewards }
spec:
  maxUnavailable: 1
  selector: { matchLabels: { app: rewards } }
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: { name: db }
spec:
  instances: 3
  storage: { size: 1Gi }
  bootstrap: { initdb: { database: timebank, owner: timebank } }
`;

const NATS_VALUES = {
  config: {
    cluster: { enabled: true, replicas: 3 },
    jetstream: {
      enabled: true,
      fileStore: { enabled: true, pvc: { enabled: true, size: '10Gi' } },
    },
  },
};

describe('scripts/check-deploy', () => {
  const validator = new SchemaValidator(SCHEMAS);

  /** The problems found in OBJECTS after `change` edits one of them. */
  function problemsAfter(
    kind: string,
    change: (object: any) => void,
    values: unknown = NATS_VALUES,
  ) {
    const objects = parseDocuments(OBJECTS);
    const target = objects.find((o) => o.kind === kind);
    if (target) change(target);
    return problemsOf(objects, [], { values, chartDefaults: CHART_DEFAULTS }, validator);
  }
  const container = (deployment: any): any => deployment.spec.template.spec.containers[0];

  it('finds nothing wrong with a right tree', () => {
    expect(problemsAfter('Deployment', () => undefined)).toEqual([]);
  });

  it('fails a field the schema does not know, however deep, and a value of the wrong type', () => {
    expect(
      problemsAfter('Deployment', (d) => {
        container(d).readinesProbe = container(d).readinessProbe;
        delete container(d).readinessProbe;
        d.spec.replicas = 'two';
      }),
    ).toEqual(
      expect.arrayContaining([
        'Deployment/rewards: spec.template.spec.containers[0].readinesProbe: unknown field',
        expect.stringMatching(/^Deployment\/rewards: .*replicas must be integer/),
        'Deployment/rewards: container rewards has no readinessProbe',
      ]),
    );
  });

  it('fails a probe on a port the container does not declare, and missing resources', () => {
    expect(
      problemsAfter('Deployment', (d) => {
        container(d).livenessProbe = { httpGet: { path: '/live', port: 'http' } };
        delete container(d).resources.limits;
      }),
    ).toEqual([
      'Deployment/rewards: container rewards: livenessProbe port http is not a declared container port',
      'Deployment/rewards: container rewards has no resources.limits.cpu',
      'Deployment/rewards: container rewards has no resources.limits.memory',
    ]);
  });

  it('fails a ConfigMap or Secret that does not exist, or a key it lacks', () => {
    expect(
      problemsAfter('Deployment', (d) => {
        container(d).env[0].valueFrom.secretKeyRef.key = 'url';
        container(d).envFrom[0].configMapRef.name = 'timebank-settings';
      }),
    ).toEqual([
      'Deployment/rewards: container rewards reads key url of Secret db-app, which has no such key',
      'Deployment/rewards: container rewards reads ConfigMap timebank-settings, which does not exist',
    ]);
  });

  it('fails a Deployment without an HPA of two copies or more, or whose pods no PDB selects', () => {
    expect(problemsAfter('HorizontalPodAutoscaler', (h) => (h.spec.minReplicas = 1))).toEqual([
      'Deployment/rewards: its HorizontalPodAutoscaler keeps fewer than 2 copies',
    ]);
    expect(
      problemsAfter('PodDisruptionBudget', (p) => (p.spec.selector.matchLabels.app = 'reward')),
    ).toEqual(['Deployment/rewards: no PodDisruptionBudget selects its pods']);
  });

  it("fails a custom resource against its CRD's schema, unknown fields included", () => {
    expect(
      problemsAfter('Cluster', (c) => {
        c.spec.instanses = c.spec.instances;
        c.spec.storage.size = 1;
      }),
    ).toEqual(
      expect.arrayContaining([
        'Cluster/db: spec: unknown field instanses',
        'Cluster/db: spec.storage.size must be string',
      ]),
    );
  });

  it('fails a kind it has no schema for rather than passing it', () => {
    const unknown: KubeObject = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor' };
    expect(validator.problems([unknown])).toEqual([
      'PodMonitor/(no name): no schema for monitoring.coreos.com/v1 PodMonitor',
    ]);
  });

  it('fails NATS values that are not a 3-node JetStream cluster on volumes', () => {
    const single = { config: { ...NATS_VALUES.config, cluster: { enabled: false } } };
    expect(problemsAfter('Deployment', () => undefined, single)).toEqual([
      'nats/values.yaml: config.cluster.enabled must be true (found false)',
      'nats/values.yaml: config.cluster.replicas must be 3 (found undefined)',
    ]);
  });

  it('fails a NATS value the chart does not have (Helm would ignore it)', () => {
    const misspelt = {
      config: {
        ...NATS_VALUES.config,
        jetstream: { ...NATS_VALUES.config.jetstream, filestore: {} },
      },
      podTemplate: { topologySpreadConstraints: { 'kubernetes.io/hostname': { maxSkew: 1 } } },
    };
    expect(problemsAfter('Deployment', () => undefined, misspelt)).toEqual([
      'nats/values.yaml: the chart has no value config.jetstream.filestore',
    ]);
  });
});
