/**
 * The NATS Helm chart's values cannot be rendered offline (the chart is not in the
 * repository), so the keys that make the release a 3-node JetStream cluster on
 * persistent volumes are checked one by one, every key against the chart's own
 * defaults (vendored in nats/chart-defaults.yaml: Helm ignores a key it does not
 * know, so a misspelt one would quietly do nothing), and the services' NATS_URL
 * against the cluster.
 */

/** The Helm release the docs install (`helm upgrade --install nats …`): pods nats-0, nats-1, … */
const RELEASE = 'nats';
const NODES = 3;

/** The value at a dotted path of parsed YAML, or undefined. */
function at(values: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      values,
    );
}

const isMap = (node: unknown): node is Record<string, unknown> =>
  node !== null && typeof node === 'object' && !Array.isArray(node);

/** Keys of `values` the chart's `defaults` lack; below an empty map (`{}`) or a null any key goes. */
export function unknownKeys(values: unknown, defaults: unknown, prefix = ''): string[] {
  if (!isMap(values) || !isMap(defaults) || Object.keys(defaults).length === 0) return [];
  return Object.entries(values).flatMap(([key, value]) =>
    key in defaults ? unknownKeys(value, defaults[key], `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** One line per problem with nats/values.yaml, or with NATS_URL (undefined: not set). */
export function natsProblems(
  values: unknown,
  defaults: unknown,
  natsUrl: string | undefined,
): string[] {
  const expected: Array<[string, unknown]> = [
    ['config.cluster.enabled', true],
    ['config.cluster.replicas', NODES],
    ['config.jetstream.enabled', true],
    ['config.jetstream.fileStore.enabled', true],
    ['config.jetstream.fileStore.pvc.enabled', true],
  ];
  const problems = [
    ...unknownKeys(values, defaults).map(
      (key) => `nats/values.yaml: the chart has no value ${key}`,
    ),
    ...expected
      .filter(([key, value]) => at(values, key) !== value)
      .map(
        ([key, value]) =>
          `nats/values.yaml: ${key} must be ${String(value)} (found ${String(at(values, key))})`,
      ),
  ];
  if (typeof at(values, 'config.jetstream.fileStore.pvc.size') !== 'string') {
    problems.push('nats/values.yaml: config.jetstream.fileStore.pvc.size must be set (e.g. 10Gi)');
  }
  const servers = Array.from(
    { length: NODES },
    (_, i) => `nats://${RELEASE}-${i}.${RELEASE}-headless:4222`,
  );
  const listed = (natsUrl ?? '').split(',').map((url) => url.trim());
  if (servers.some((server) => !listed.includes(server))) {
    problems.push(
      `ConfigMap: NATS_URL must list every node of the cluster (${servers.join(',')}); found ${natsUrl}`,
    );
  }
  return problems;
}
