import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  containersOf,
  describeWithKubectl,
  KUBECTL,
  kustomizeBuild,
  readManifests,
  renderComponent,
  type K8sObject,
} from './support/kubectl-kustomize.util';
import { REPO_ROOT, readRepoYaml, repoPath } from './support/repo-files.util';

// k8s/ rendered by the real tool, `kubectl kustomize`, the way `kubectl apply -k` reads it.

const K8S = repoPath('k8s');
const rel = (path: string) => relative(REPO_ROOT, path).split('\\').join('/');

/** Every directory under k8s/ with a kustomization.yaml, and whether it is a Kustomization or a Component. */
function kustomizationDirs(): { dir: string; kind: string }[] {
  const found: { dir: string; kind: string }[] = [];
  const walk = (dir: string) => {
    const file = join(dir, 'kustomization.yaml');
    if (existsSync(file)) found.push({ dir: rel(dir), kind: readRepoYaml<{ kind: string }>(rel(file)).kind });
    for (const entry of readdirSync(dir)) if (statSync(join(dir, entry)).isDirectory()) walk(join(dir, entry));
  };
  walk(K8S);
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Manifest files (not kustomization.yaml, not *.example.yaml) under k8s/. */
function manifestFiles(dir = K8S): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return manifestFiles(full);
    return entry.endsWith('.yaml') && entry !== 'kustomization.yaml' && !entry.endsWith('.example.yaml') ? [rel(full)] : [];
  });
}

const ROOTS = [
  'k8s/base',
  'k8s/base/migrate',
  'k8s/base/namespace',
  'k8s/overlays/dev',
  'k8s/overlays/dev/migrate',
  'k8s/overlays/prod',
  'k8s/overlays/prod/migrate',
];
const COMPONENTS = ['k8s/components/llm-egress', 'k8s/components/notifier-egress', 'k8s/overlays/dev/release', 'k8s/overlays/prod/release'];
const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
const parleyImages = (objects: K8sObject[]) =>
  [...new Set(objects.flatMap((o) => containersOf(o).map((c) => c.image)))].filter((image) => /^parley(:|$)/.test(image));

describe('kustomize trees under k8s/', () => {
  it('are the base with its namespace and migrate parts, both overlays with their migrate parts, and the components', () => {
    const dirs = kustomizationDirs();
    expect(dirs.filter((d) => d.kind === 'Kustomization').map((d) => d.dir)).toEqual([...ROOTS].sort());
    expect(dirs.filter((d) => d.kind === 'Component').map((d) => d.dir)).toEqual([...COMPONENTS].sort());
  });
});

describeWithKubectl('kubectl kustomize', () => {
  it('is a kubectl whose kustomize reads components', () => {
    expect(KUBECTL?.kustomizeVersion).toMatch(/^v([4-9]|\d\d)\./);
  });

  it.each(ROOTS)('renders %s', (dir) => {
    expect(kustomizeBuild(dir).length).toBeGreaterThan(0);
  });

  it.each(['dev', 'prod'])('%s: every object lands in namespace parley, components included', (env) => {
    for (const dir of [`k8s/overlays/${env}`, `k8s/overlays/${env}/migrate`]) {
      const objects = kustomizeBuild(dir).filter((o) => o.kind !== 'Namespace');
      expect(objects.filter((o) => o.metadata.namespace !== 'parley').map(id)).toEqual([]);
    }
  });

  it.each(['dev', 'prod'])('%s: the apps and the migration Job run one parley image, tagged by the release component', (env) => {
    const apps = parleyImages(kustomizeBuild(`k8s/overlays/${env}`));
    const job = parleyImages(kustomizeBuild(`k8s/overlays/${env}/migrate`));
    const release = readRepoYaml<{ images: { name: string; newTag: string }[] }>(`k8s/overlays/${env}/release/kustomization.yaml`);
    expect(apps).toEqual([`parley:${release.images[0].newTag}`]);
    expect(job).toEqual(apps);
  });

  it('base leaves the migration Job out (it runs first, from its own kustomization)', () => {
    expect(kustomizeBuild('k8s/base').filter((o) => o.kind === 'Job')).toEqual([]);
    expect(kustomizeBuild('k8s/base/migrate').map(id)).toEqual(['Namespace/parley', 'Job/parley-migrate']);
  });

  it('prod migrations run without the superuser db-setup step; dev keeps it', () => {
    const job = (env: string) => kustomizeBuild(`k8s/overlays/${env}/migrate`).find((o) => o.kind === 'Job') as K8sObject;
    expect(containersOf(job('prod')).map((c) => c.name)).toEqual(['migrate']);
    expect(containersOf(job('dev')).map((c) => c.name)).toEqual(['db-setup', 'migrate']);
  });

  it('overlay patches took effect: prod scales wider, dev asks for less', () => {
    const hpa = (env: string, name: string) =>
      kustomizeBuild(`k8s/overlays/${env}`).find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === name)?.spec as {
        minReplicas: number;
      };
    expect(hpa('prod', 'gateway').minReplicas).toBe(3);
    expect(hpa('dev', 'gateway').minReplicas).toBe(1);
    const devRequests = kustomizeBuild('k8s/overlays/dev')
      .filter((o) => o.kind === 'Deployment')
      .map((o) => (containersOf(o)[0].resources as { requests: { cpu: string } }).requests.cpu);
    expect(new Set(devRequests)).toEqual(new Set(['50m']));
    const devConfig = kustomizeBuild('k8s/overlays/dev').find((o) => o.kind === 'ConfigMap') as K8sObject;
    expect((devConfig.data as Record<string, string>).LOG_LEVEL).toBe('debug');
  });

  it('every manifest under k8s/ reaches a rendering (none is left unreferenced), and no example file does', () => {
    const rendered = new Set([...ROOTS.flatMap(kustomizeBuild), ...COMPONENTS.flatMap(renderComponent)].map(id));
    const orphans = manifestFiles().flatMap((file) =>
      readManifests(repoPath(file))
        .map(id)
        .filter((object) => !rendered.has(object))
        .map((object) => `${file}: ${object}`),
    );
    expect(orphans).toEqual([]);
    const secrets = ROOTS.flatMap(kustomizeBuild).filter((o) => o.kind === 'Secret');
    expect(secrets.map(id)).toEqual([]);
  });
});
