/**
 * Validates Kubernetes objects against their schemas, offline. Kinds built into
 * Kubernetes go through the `kubernetes-models` package; custom resources through
 * the CRD schemas vendored under deploy/kubernetes/schemas/ (`<group>_<version>_<Kind>.json`).
 * An object of a kind neither knows is an error, never a pass.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import ts from 'typescript';

/** What every Kubernetes object has; the rest is the schema's to judge. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface Model {
  new (data: unknown): { validate(): void };
}

const load = createRequire(__filename);
const MODELS_DIR = path.dirname(load.resolve('kubernetes-models'));
const API_VERSION = /^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/;

/** `Deployment/gateway`: how problems name an object. */
export function describe(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.name ?? '(no name)'}`;
}

/** The kubernetes-models class for apiVersion + kind, or undefined when it has none. */
function modelOf(apiVersion: string, kind: string): Model | undefined {
  if (!API_VERSION.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  const file = path.join(MODELS_DIR, apiVersion, `${kind}.js`);
  if (!fs.existsSync(file)) return undefined;
  return (load(file) as Record<string, Model | undefined>)[kind];
}

/**
 * Marks every object schema with properties as closed, as Kubernetes does for a
 * structural schema: a field the CRD does not declare is pruned by the API server,
 * so here it is an error (a typo). `x-kubernetes-preserve-unknown-fields` and an
 * explicit `additionalProperties` keep their meaning.
 */
export function closeObjects(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(closeObjects);
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  if (
    node.properties !== undefined &&
    node.additionalProperties === undefined &&
    node['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    node.additionalProperties = false;
  }
  Object.values(node).forEach(closeObjects);
}

/** Ajv for CRD schemas: Kubernetes' own keywords and formats known, every error reported. */
function crdAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addVocabulary([
    'x-kubernetes-int-or-string',
    'x-kubernetes-list-map-keys',
    'x-kubernetes-list-type',
    'x-kubernetes-map-type',
    'x-kubernetes-preserve-unknown-fields',
    'x-kubernetes-validations',
    'x-kubernetes-embedded-resource',
  ]);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  return ajv;
}

/**
 * Finds fields an interface of kubernetes-models does not declare. Its validators
 * accept unknown fields (the OpenAPI it is made from leaves objects open), while the
 * API server drops them: a `readinesProbe` would vanish without a word. The
 * package's TypeScript declarations name every field, so the walk asks them.
 */
class UnknownFields {
  private readonly checker: ts.TypeChecker;
  private readonly program: ts.Program;

  constructor(files: string[]) {
    this.program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, types: [] });
    this.checker = this.program.getTypeChecker();
  }

  /** `I<Kind>` declared by the model's .d.ts file. */
  rootType(file: string, kind: string): ts.Type | undefined {
    const source = this.program.getSourceFile(file);
    const module = source && this.checker.getSymbolAtLocation(source);
    const symbol =
      module && this.checker.getExportsOfModule(module).find((s) => s.name === `I${kind}`);
    return symbol && this.checker.getDeclaredTypeOfSymbol(symbol);
  }

  /** Adds to `found` each field of `value` (at path `at`) that `declared` does not have. */
  find(value: unknown, declared: ts.Type, at: string, found: string[]): void {
    const type = this.checker.getNonNullableType(declared);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (Array.isArray(value)) {
      const item = this.checker.getIndexTypeOfType(type, ts.IndexKind.Number);
      if (item) value.forEach((v, i) => this.find(v, item, `${at}[${i}]`, found));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const entries = Object.entries(value as Record<string, unknown>);
    const anyKey = this.checker.getIndexTypeOfType(type, ts.IndexKind.String);
    if (anyKey) return entries.forEach(([k, v]) => this.find(v, anyKey, `${at}.${k}`, found));
    const shapes = type.isUnion()
      ? type.types.filter((t) => t.flags & ts.TypeFlags.Object)
      : [type];
    if (shapes.length !== 1) return;
    for (const [key, child] of entries) {
      const field = shapes[0].getProperty(key);
      if (field) this.find(child, this.checker.getTypeOfSymbol(field), `${at}.${key}`, found);
      else found.push(`${at ? at.slice(1) : '(top)'}.${key}: unknown field`);
    }
  }
}

/** Validates objects against the schemas of their kinds; `problems` lists what is wrong. */
export class SchemaValidator {
  private readonly crds = new Map<string, ValidateFunction>();
  private readonly ajv = crdAjv();
  private fields?: { files: Set<string>; walker: UnknownFields };

  constructor(crdSchemaDir: string) {
    for (const file of fs.readdirSync(crdSchemaDir).filter((f) => f.endsWith('.json'))) {
      const [group, version, kind] = file.replace(/\.json$/, '').split('_');
      const schema: unknown = JSON.parse(fs.readFileSync(path.join(crdSchemaDir, file), 'utf8'));
      closeObjects(schema);
      this.crds.set(`${group}/${version} ${kind}`, this.ajv.compile(schema as object));
    }
  }

  /** One line per problem, each naming the object; empty when every object is valid. */
  problems(objects: KubeObject[]): string[] {
    const builtIn = objects.filter((o) => modelOf(o.apiVersion, o.kind));
    const fields = this.fieldsFor(builtIn.map((o) => this.declarationOf(o)));
    return objects.flatMap((object) => {
      const crd = this.crds.get(`${object.apiVersion} ${object.kind}`);
      if (crd) return this.crdProblems(crd, object);
      const model = modelOf(object.apiVersion, object.kind);
      if (!model || !fields) {
        return [`${describe(object)}: no schema for ${object.apiVersion} ${object.kind}`];
      }
      return this.modelProblems(model, fields, object);
    });
  }

  /** The walker over these declarations: made once (a TypeScript program takes a second or two). */
  private fieldsFor(files: string[]): UnknownFields | undefined {
    if (files.length === 0) return undefined;
    const known = this.fields?.files;
    if (!known || files.some((file) => !known.has(file))) {
      const all = new Set([...(known ?? []), ...files]);
      this.fields = { files: all, walker: new UnknownFields([...all]) };
    }
    return this.fields?.walker;
  }

  private declarationOf(object: KubeObject): string {
    return path.join(MODELS_DIR, object.apiVersion, `${object.kind}.d.ts`);
  }

  private crdProblems(validate: ValidateFunction, object: KubeObject): string[] {
    if (validate(object)) return [];
    return (validate.errors ?? []).map((error) => {
      const extra =
        error.keyword === 'additionalProperties'
          ? `: unknown field ${String(error.params.additionalProperty)}`
          : ` ${error.message ?? error.keyword}`;
      return `${describe(object)}: ${error.instancePath.slice(1).replace(/\//g, '.') || '(top)'}${extra}`;
    });
  }

  private modelProblems(model: Model, fields: UnknownFields, object: KubeObject): string[] {
    const problems: string[] = [];
    try {
      new model(object).validate();
    } catch (error) {
      problems.push(
        `${describe(object)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const root = fields.rootType(this.declarationOf(object), object.kind);
    if (!root) return [...problems, `${describe(object)}: no declaration of I${object.kind}`];
    const unknown: string[] = [];
    fields.find(object, root, '', unknown);
    return [...problems, ...unknown.map((line) => `${describe(object)}: ${line}`)];
  }
}
