import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { parseYamlDocuments, repoPath } from './repo-files.util';

// The k8s/ trees rendered by the real tool: `kubectl kustomize` (kustomize built into kubectl).
// Components need kustomize >= 3.7 (kubectl >= 1.21). Debian 12 packages kubectl 1.20.2
// (kubernetes-client, kustomize v2.0.3), which stops at the first `components:` field
// ("json: unknown field components"); this machine kind ships a newer kubectl
// (docs/containers.md). Without one, the suites that render say so and are skipped.

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

export interface Container {
  name: string;
  image: string;
  [key: string]: unknown;
}

export interface Kubectl {
  path: string;
  /** e.g. v5.5.0 */
  kustomizeVersion: string;
}

/** Kustomize versions before this one cannot read `components:`. */
const MIN_KUSTOMIZE_MAJOR = 4;

/** kubectl on PATH whose built-in kustomize renders components, or the reason there is none. */
export function findKubectl(): Kubectl | { missing: string } {
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'kubectl'))
    .find((candidate) => existsSync(candidate));
  if (!path) return { missing: 'kubectl is not on PATH' };
  let output: string;
  try {
    output = execFileSync(path, ['version', '--client'], { encoding: 'utf8', stdio: 'pipe', timeout: 20_000 });
  } catch (error) {
    return { missing: `${path} version --client failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const version = /Kustomize Version: (v(\d+)\S*)/.exec(output);
  if (!version || Number(version[2]) < MIN_KUSTOMIZE_MAJOR)
    return { missing: `${path} has kustomize ${version?.[1] ?? 'v2 or older'}; components need v${MIN_KUSTOMIZE_MAJOR} or newer` };
  return { path, kustomizeVersion: version[1] };
}

const found = findKubectl();
export const KUBECTL: Kubectl | undefined = 'path' in found ? found : undefined;
export const KUBECTL_MISSING: string | undefined = 'missing' in found ? found.missing : undefined;

/** `describe` when kubectl can render, else `describe.skip` (and the reason printed once). */
export function describeWithKubectl(name: string, fn: () => void): void {
  if (KUBECTL) {
    describe(name, fn);
    return;
  }
  // Not `describe.skip(name, fn)`: jest still runs fn to collect its tests, and fn renders.
  describe.skip(name, () => {
    it(`renders with kubectl kustomize (skipped: ${KUBECTL_MISSING})`, () => {
      throw new Error(String(KUBECTL_MISSING));
    });
  });
}

function render(dir: string): K8sObject[] {
  if (!KUBECTL) throw new Error(`cannot render ${dir}: ${KUBECTL_MISSING}`);
  const yaml = execFileSync(KUBECTL.path, ['kustomize', dir], { encoding: 'utf8', stdio: 'pipe', timeout: 60_000 });
  return parseYamlDocuments(yaml, `kubectl kustomize ${dir}`) as K8sObject[];
}

const cache = new Map<string, K8sObject[]>();

/** The objects `kubectl kustomize <repo>/<relDir>` renders (cached per run). */
export function kustomizeBuild(relDir: string): K8sObject[] {
  const hit = cache.get(relDir);
  if (hit) return hit;
  const objects = render(repoPath(relDir));
  cache.set(relDir, objects);
  return objects;
}

/** The objects a Component adds on its own (a Component cannot be built alone: a scratch kustomization includes it). */
export function renderComponent(relDir: string): K8sObject[] {
  const scratch = mkdtempSync(join(tmpdir(), 'parley-component-'));
  try {
    const component = relative(scratch, repoPath(relDir));
    writeFileSync(
      join(scratch, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncomponents:\n  - ${component}\n`,
    );
    return render(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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

export function readManifests(file: string): K8sObject[] {
  return parseYamlDocuments(readFileSync(file, 'utf8'), file) as K8sObject[];
}
