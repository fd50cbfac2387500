/**
 * Checks deploy/kubernetes offline: every rendered object against its schema,
 * the wiring between objects, the Secrets expected from outside the tree and the
 * NATS chart's values. Rendering is kubectl's (`kubectl kustomize`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { natsProblems } from './nats';
import { KubeObject, SchemaValidator } from './schemas';
import { KeysByName, wiringProblems } from './wiring';

/** The documents of a multi-document YAML text, empty ones left out. */
export function parseDocuments(text: string): KubeObject[] {
  return yaml.loadAll(text).filter((doc): doc is KubeObject => doc !== null && doc !== undefined);
}

/** `kubectl kustomize <dir>` ($KUBECTL picks another kubectl, e.g. an older one). */
export function render(dir: string): string {
  const kubectl = process.env.KUBECTL || 'kubectl';
  try {
    return execFileSync(kubectl, ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') {
      throw new Error(
        `${kubectl} not found: install kubectl (Debian: apt-get install kubernetes-client)`,
      );
    }
    throw new Error(`${kubectl} kustomize ${dir} failed: ${stderr?.trim() ?? String(error)}`);
  }
}

/** Keys of the Secrets the platform team creates, from their documented example. */
export function secretKeys(examples: KubeObject[]): KeysByName {
  return new Map(
    examples
      .filter((o) => o.kind === 'Secret')
      .map((o) => [
        o.metadata?.name ?? '',
        new Set(Object.keys({ ...(o.data as object), ...(o.stringData as object) })),
      ]),
  );
}

/** Everything wrong with the rendered objects, the example Secrets and the NATS values. */
export function problemsOf(
  objects: KubeObject[],
  examples: KubeObject[],
  nats: { values: unknown; chartDefaults: unknown },
  validator: SchemaValidator,
): string[] {
  const config = objects.find(
    (o) => o.kind === 'ConfigMap' && o.metadata?.name === 'timebank-config',
  );
  const natsUrl = (config?.data as Record<string, string> | undefined)?.NATS_URL;
  return [
    ...validator.problems([...objects, ...examples]),
    ...wiringProblems(objects, secretKeys(examples)),
    ...natsProblems(nats.values, nats.chartDefaults, natsUrl),
  ];
}

/** Renders `dir` and checks it; resolves to the objects checked and the problems found. */
export function checkTree(dir: string): { objects: KubeObject[]; problems: string[] } {
  const objects = parseDocuments(render(dir));
  const examples = parseDocuments(fs.readFileSync(path.join(dir, 'secrets.example.yaml'), 'utf8'));
  const nats = {
    values: yaml.load(fs.readFileSync(path.join(dir, 'nats', 'values.yaml'), 'utf8')),
    chartDefaults: yaml.load(
      fs.readFileSync(path.join(dir, 'nats', 'chart-defaults.yaml'), 'utf8'),
    ),
  };
  const validator = new SchemaValidator(path.join(dir, 'schemas'));
  return { objects, problems: problemsOf(objects, examples, nats, validator) };
}
