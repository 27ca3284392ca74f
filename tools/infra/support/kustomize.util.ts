import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseYamlDocuments } from './repo-files.util';

// A small, offline model of what `kustomize build` needs from a directory tree (no kustomize
// binary here): which files a kustomization references, which it owns, and the objects its
// resources and components contribute. Patches are checked, not applied.

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

export interface PatchTarget {
  kind?: string;
  name?: string;
}

export interface KustomizePatch {
  path?: string;
  patch?: string;
  target?: PatchTarget;
}

export interface Kustomization {
  apiVersion: string;
  kind: 'Kustomization' | 'Component';
  namespace?: string;
  resources?: string[];
  components?: string[];
  patches?: KustomizePatch[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  configMapGenerator?: { name: string; behavior?: string; literals?: string[] }[];
}

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

const API_VERSIONS: Record<Kustomization['kind'], string> = {
  Kustomization: 'kustomize.config.k8s.io/v1beta1',
  Component: 'kustomize.config.k8s.io/v1alpha1',
};

function isYaml(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

export function readKustomization(dir: string): Kustomization {
  const file = join(dir, KUSTOMIZATION_FILE);
  const docs = parseYamlDocuments(readFileSync(file, 'utf8'), file);
  if (docs.length !== 1) throw new Error(`${file}: expected one document`);
  return docs[0] as Kustomization;
}

export function readManifests(file: string): K8sObject[] {
  return parseYamlDocuments(readFileSync(file, 'utf8'), file) as K8sObject[];
}

/** Every directory under `root` (itself included) that holds a kustomization.yaml. */
export function findKustomizationDirs(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (existsSync(join(dir, KUSTOMIZATION_FILE))) found.push(dir);
    for (const entry of readdirSync(dir)) if (statSync(join(dir, entry)).isDirectory()) walk(join(dir, entry));
  };
  walk(root);
  return found.sort();
}

/**
 * YAML files a kustomization is responsible for: under its directory, not inside a nested
 * kustomization, except kustomization.yaml itself and `*.example.yaml` (never applied).
 */
export function ownedYamlFiles(dir: string): string[] {
  const walk = (current: string): string[] =>
    readdirSync(current).flatMap((entry) => {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) return existsSync(join(full, KUSTOMIZATION_FILE)) ? [] : walk(full);
      if (!isYaml(entry) || entry.endsWith('.example.yaml')) return [];
      return current === dir && entry === KUSTOMIZATION_FILE ? [] : [posix(relative(dir, full))];
    });
  return walk(dir).sort();
}

/**
 * What would make `kustomize build <dir>` fail or silently drop a manifest: unknown kind or
 * apiVersion, references to missing files, directories without a kustomization, components
 * that are not Components, files outside the root, `*.example.yaml` references, and YAML
 * files in the tree that nothing references.
 */
export function kustomizationProblems(dir: string): string[] {
  const k = readKustomization(dir);
  const problems: string[] = [];
  const where = (msg: string) => problems.push(`${posix(dir)}: ${msg}`);
  if (!(k.kind in API_VERSIONS)) where(`kind must be Kustomization or Component, got ${String(k.kind)}`);
  else if (k.apiVersion !== API_VERSIONS[k.kind]) where(`${k.kind} needs apiVersion ${API_VERSIONS[k.kind]}, got ${k.apiVersion}`);

  const referencedFiles = new Set<string>();
  const checkRef = (ref: string, field: 'resources' | 'components') => {
    if (ref.endsWith('.example.yaml')) where(`${field} must never include an example file: ${ref}`);
    const full = resolve(dir, ref);
    if (!existsSync(full)) return where(`${field} entry ${ref} does not exist`);
    if (statSync(full).isDirectory()) {
      if (!existsSync(join(full, KUSTOMIZATION_FILE))) return where(`${field} entry ${ref} is a directory without ${KUSTOMIZATION_FILE}`);
      const kind = readKustomization(full).kind;
      if (field === 'components' && kind !== 'Component') where(`component ${ref} is a ${kind}, not a Component`);
      if (field === 'resources' && kind !== 'Kustomization') where(`resource ${ref} is a ${kind}; list it under components`);
      return;
    }
    if (field === 'components') return where(`component ${ref} must be a directory`);
    if (relative(dir, full).startsWith('..')) return where(`resource file ${ref} is outside the kustomization root (kustomize refuses it)`);
    referencedFiles.add(posix(relative(dir, full)));
  };
  for (const ref of k.resources ?? []) checkRef(ref, 'resources');
  for (const ref of k.components ?? []) checkRef(ref, 'components');
  for (const patch of k.patches ?? []) {
    if (patch.path) {
      if (!existsSync(resolve(dir, patch.path))) where(`patch file ${patch.path} does not exist`);
      else referencedFiles.add(posix(relative(dir, resolve(dir, patch.path))));
    } else if (!patch.patch) where('a patch has neither path nor patch');
  }
  for (const file of ownedYamlFiles(dir)) {
    if (!referencedFiles.has(file)) where(`${file} is in the tree but not referenced (it would never be applied)`);
  }
  return problems;
}

/** Objects contributed by resources and components, recursively (patches not applied). */
export function collectObjects(dir: string): K8sObject[] {
  const k = readKustomization(dir);
  const fromRef = (ref: string): K8sObject[] => {
    const full = resolve(dir, ref);
    return statSync(full).isDirectory() ? collectObjects(full) : readManifests(full);
  };
  const objects = [...(k.resources ?? []), ...(k.components ?? [])].flatMap(fromRef);
  return k.namespace
    ? objects.map((o) => (o.kind === 'Namespace' ? o : { ...o, metadata: { ...o.metadata, namespace: k.namespace } }))
    : objects;
}

export function matchesTarget(object: K8sObject, target: PatchTarget): boolean {
  return (!target.kind || object.kind === target.kind) && (!target.name || object.metadata.name === target.name);
}

interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
}

/** Resolves an RFC 6901 pointer; `undefined` when a segment is missing. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let current: unknown = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Inline JSON 6902 patches of a kustomization: each must match at least one object of the
 * build, and every `replace`/`remove` path must exist in every matched object (kustomize
 * fails the build otherwise). Also checks that `images` and `replicas` name something real.
 */
export function patchProblems(dir: string): string[] {
  const k = readKustomization(dir);
  const objects = collectObjects(dir);
  const problems: string[] = [];
  const where = (msg: string) => problems.push(`${posix(dir)}: ${msg}`);
  for (const patch of k.patches ?? []) {
    if (!patch.patch || !patch.target) continue;
    const label = `patch on ${patch.target.kind ?? '*'}/${patch.target.name ?? '*'}`;
    const matched = objects.filter((o) => matchesTarget(o, patch.target as PatchTarget));
    if (matched.length === 0) where(`${label} matches no object`);
    const ops = parseYamlDocuments(patch.patch, `${posix(dir)} ${label}`)[0] as JsonPatchOp[];
    for (const op of ops) {
      if (!['add', 'replace', 'remove'].includes(op.op)) where(`${label}: unsupported op ${op.op}`);
      if (op.op === 'add') {
        const parent = op.path.slice(0, op.path.lastIndexOf('/'));
        for (const o of matched)
          if (resolvePointer(o, parent) === undefined) where(`${label}: parent of ${op.path} missing in ${o.kind}/${o.metadata.name}`);
      } else {
        for (const o of matched)
          if (resolvePointer(o, op.path) === undefined) where(`${label}: ${op.path} missing in ${o.kind}/${o.metadata.name}`);
      }
    }
  }
  const images = new Set(objects.flatMap(containerImages));
  for (const image of k.images ?? []) if (!images.has(image.name)) where(`images entry ${image.name} matches no container image`);
  for (const r of k.replicas ?? []) {
    if (!objects.some((o) => o.kind === 'Deployment' && o.metadata.name === r.name))
      where(`replicas entry ${r.name} matches no Deployment`);
  }
  return problems;
}

export interface Container {
  name: string;
  image: string;
  [key: string]: unknown;
}

export function podSpecOf(object: K8sObject): Record<string, unknown> | undefined {
  const spec = object.spec as { template?: { spec?: Record<string, unknown> } } | undefined;
  return spec?.template?.spec;
}

export function containersOf(object: K8sObject): Container[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  return [...((pod.initContainers as Container[] | undefined) ?? []), ...((pod.containers as Container[] | undefined) ?? [])];
}

function containerImages(object: K8sObject): string[] {
  return containersOf(object).map((c) => c.image);
}
