/**
 * What schemas cannot say about the rendered tree: that every Deployment can be
 * probed, sized and scaled, and that what one object names exists in another
 * (a probe's port, a ConfigMap or Secret key, an HPA's target, a PDB's pods).
 */
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IContainer, IProbe, IService } from 'kubernetes-models/v1';
import { describe, KubeObject } from './schemas';

type LabelSelector = NonNullable<NonNullable<IPodDisruptionBudget['spec']>['selector']>;

/** A ConfigMap's or Secret's name → its keys. */
export type KeysByName = Map<string, Set<string>>;

/**
 * The keys of the Secret `<cluster>-app` the CloudNativePG operator writes for the
 * application's owner (pkg/specs/secrets.go, CreateSecret, v1.30.0).
 */
const CNPG_APP_SECRET_KEYS = [
  'username',
  'user',
  'password',
  'dbname',
  'host',
  'port',
  'pgpass',
  'uri',
  'jdbc-uri',
  'fqdn-uri',
  'fqdn-jdbc-uri',
];

const of = <T>(objects: KubeObject[], kind: string) =>
  objects.filter((o) => o.kind === kind) as unknown as Array<T & KubeObject>;

/** Whether `selector` picks pods carrying `labels`. */
export function selects(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return false;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const value = labels[key];
    if (operator === 'In') return value !== undefined && values.includes(value);
    if (operator === 'NotIn') return value === undefined || !values.includes(value);
    if (operator === 'Exists') return value !== undefined;
    return value === undefined;
  });
  return byLabel && byExpression;
}

/** Secrets an object of the tree makes at run time: the database operator's. */
export function generatedSecrets(objects: KubeObject[]): KeysByName {
  const keys: KeysByName = new Map();
  for (const cluster of objects.filter(
    (o) => o.kind === 'Cluster' && o.apiVersion.startsWith('postgresql.cnpg.io/'),
  )) {
    keys.set(`${cluster.metadata?.name}-app`, new Set(CNPG_APP_SECRET_KEYS));
  }
  return keys;
}

/** Both probes, each on a port the container declares (by name or number). */
function probeProblems(container: IContainer): string[] {
  const declared = new Set((container.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
  const probes: Array<[string, IProbe | undefined]> = [
    ['livenessProbe', container.livenessProbe],
    ['readinessProbe', container.readinessProbe],
  ];
  return probes.flatMap(([name, probe]) => {
    if (!probe) return [`container ${container.name} has no ${name}`];
    const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
    if (port !== undefined && !declared.has(port)) {
      return [`container ${container.name}: ${name} port ${port} is not a declared container port`];
    }
    return [];
  });
}

/** CPU and memory requested (what the scheduler and the HPAs go by) and limited. */
function resourceProblems(container: IContainer): string[] {
  const { requests = {}, limits = {} } = container.resources ?? {};
  const sizes: Array<[string, unknown]> = [
    ['requests.cpu', requests.cpu],
    ['requests.memory', requests.memory],
    ['limits.cpu', limits.cpu],
    ['limits.memory', limits.memory],
  ];
  return sizes
    .filter(([, size]) => size === undefined)
    .map(([field]) => `container ${container.name} has no resources.${field}`);
}

/** Every ConfigMap or Secret key a container reads must exist, unless marked optional. */
function referenceProblems(
  container: IContainer,
  configMaps: KeysByName,
  secrets: KeysByName,
): string[] {
  const missing = (kind: string, store: KeysByName, name: string, key?: string) => {
    const keys = store.get(name);
    if (!keys) return [`container ${container.name} reads ${kind} ${name}, which does not exist`];
    if (key !== undefined && !keys.has(key)) {
      return [
        `container ${container.name} reads key ${key} of ${kind} ${name}, which has no such key`,
      ];
    }
    return [];
  };
  const fromEnv = (container.env ?? []).flatMap(({ valueFrom }) => {
    const cm = valueFrom?.configMapKeyRef;
    const secret = valueFrom?.secretKeyRef;
    if (cm && !cm.optional) return missing('ConfigMap', configMaps, cm.name ?? '', cm.key);
    if (secret && !secret.optional)
      return missing('Secret', secrets, secret.name ?? '', secret.key);
    return [];
  });
  const fromEnvFrom = (container.envFrom ?? []).flatMap(({ configMapRef, secretRef }) => [
    ...(configMapRef && !configMapRef.optional
      ? missing('ConfigMap', configMaps, configMapRef.name ?? '')
      : []),
    ...(secretRef && !secretRef.optional ? missing('Secret', secrets, secretRef.name ?? '') : []),
  ]);
  return [...fromEnv, ...fromEnvFrom];
}

/** Scaled (at least two copies) and protected from draining all at once. */
function scalingProblems(deployment: IDeployment & KubeObject, objects: KubeObject[]): string[] {
  const name = deployment.metadata?.name;
  const labels = deployment.spec?.template.metadata?.labels ?? {};
  const hpa = of<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler').find(
    (h) => h.spec?.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name,
  );
  const pdb = of<IPodDisruptionBudget>(objects, 'PodDisruptionBudget').find((p) =>
    selects(p.spec?.selector, labels),
  );
  const problems: string[] = [];
  if (!hpa) problems.push('no HorizontalPodAutoscaler targets it');
  else if ((hpa.spec?.minReplicas ?? 1) < 2)
    problems.push(`its HorizontalPodAutoscaler keeps fewer than 2 copies`);
  if (!pdb) problems.push('no PodDisruptionBudget selects its pods');
  if (!selects(deployment.spec?.selector, labels))
    problems.push('its selector does not match its pod template');
  return problems;
}

/** A Service must reach some Deployment's pods, on a port they declare. */
function serviceProblems(service: IService & KubeObject, deployments: IDeployment[]): string[] {
  const selector = { matchLabels: service.spec?.selector ?? {} };
  const target = deployments.find((d) =>
    selects(selector, d.spec?.template.metadata?.labels ?? {}),
  );
  if (!target) return [`${describe(service)}: selects no Deployment's pods`];
  const declared = new Set(
    target.spec?.template.spec?.containers.flatMap((c) =>
      (c.ports ?? []).flatMap((p) => [p.name, p.containerPort]),
    ),
  );
  return (service.spec?.ports ?? [])
    .filter((p) => !declared.has(p.targetPort ?? p.port))
    .map(
      (p) => `${describe(service)}: targetPort ${p.targetPort ?? p.port} is not a port of its pods`,
    );
}

/** One line per problem; `outside` holds the Secrets created outside the tree. */
export function wiringProblems(objects: KubeObject[], outside: KeysByName): string[] {
  const configMaps: KeysByName = new Map(
    objects
      .filter((o) => o.kind === 'ConfigMap')
      .map((o) => [
        o.metadata?.name ?? '',
        new Set(Object.keys((o.data as object | undefined) ?? {})),
      ]),
  );
  const secrets: KeysByName = new Map([...outside, ...generatedSecrets(objects)]);
  for (const secret of objects.filter((o) => o.kind === 'Secret')) {
    const keys = {
      ...((secret.data as object | undefined) ?? {}),
      ...((secret.stringData as object | undefined) ?? {}),
    };
    secrets.set(secret.metadata?.name ?? '', new Set(Object.keys(keys)));
  }
  const deployments = of<IDeployment>(objects, 'Deployment');
  const perDeployment = deployments.flatMap((deployment) => {
    const containers = deployment.spec?.template.spec?.containers ?? [];
    return [
      ...containers.flatMap((c) => [
        ...probeProblems(c),
        ...resourceProblems(c),
        ...referenceProblems(c, configMaps, secrets),
      ]),
      ...scalingProblems(deployment, objects),
    ].map((problem) => `${describe(deployment)}: ${problem}`);
  });
  const perService = of<IService>(objects, 'Service').flatMap((s) =>
    serviceProblems(s, deployments),
  );
  return [...perDeployment, ...perService, ...clusterSecretProblems(objects, secrets)];
}

/** The database's backup credentials must name a Secret key that exists. */
function clusterSecretProblems(objects: KubeObject[], secrets: KeysByName): string[] {
  return objects
    .filter((o) => o.kind === 'Cluster')
    .flatMap((cluster) => {
      const spec = cluster.spec as
        { backup?: { barmanObjectStore?: { s3Credentials?: object } } } | undefined;
      const credentials = (spec?.backup?.barmanObjectStore?.s3Credentials ?? {}) as Record<
        string,
        { name?: string; key?: string } | undefined
      >;
      return Object.entries(credentials)
        .filter(([, ref]) => ref?.name !== undefined && !secrets.get(ref.name)?.has(ref.key ?? ''))
        .map(
          ([field, ref]) =>
            `${describe(cluster)}: s3Credentials.${field} reads ${ref?.name}/${ref?.key}, which does not exist`,
        );
    });
}
