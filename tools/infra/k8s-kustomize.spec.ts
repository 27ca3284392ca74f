import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
  collectObjects,
  findKustomizationDirs,
  kustomizationProblems,
  patchProblems,
  readKustomization,
  containersOf,
} from './support/kustomize.util';
import { REPO_ROOT, repoPath } from './support/repo-files.util';

const K8S = repoPath('k8s');
const rel = (dir: string) => relative(REPO_ROOT, dir);
const dirs = findKustomizationDirs(K8S);

describe('kustomize trees under k8s/', () => {
  it('has the base, its namespace and migrate parts, the egress components and both overlays with their migrate and release parts', () => {
    expect(dirs.map(rel)).toEqual([
      'k8s/base',
      'k8s/base/migrate',
      'k8s/base/namespace',
      'k8s/components/llm-egress',
      'k8s/components/notifier-egress',
      'k8s/overlays/dev',
      'k8s/overlays/dev/migrate',
      'k8s/overlays/dev/release',
      'k8s/overlays/prod',
      'k8s/overlays/prod/migrate',
      'k8s/overlays/prod/release',
    ]);
  });

  it.each(dirs.map(rel))('%s lists every manifest it owns, and only files that exist', (dir) => {
    expect(kustomizationProblems(repoPath(dir))).toEqual([]);
  });

  it.each(dirs.map(rel).filter((d) => readKustomization(repoPath(d)).kind === 'Kustomization'))(
    '%s: patches, images and replicas all hit real objects and paths',
    (dir) => {
      expect(patchProblems(repoPath(dir))).toEqual([]);
    },
  );

  it.each(['dev', 'prod'])('%s: the apps and the migration Job share one release component that pins the parley image', (env) => {
    const overlay = readKustomization(repoPath(`k8s/overlays/${env}`));
    const migrate = readKustomization(repoPath(`k8s/overlays/${env}/migrate`));
    expect(overlay.components).toContain('release');
    expect(migrate.components).toContain('../release');
    expect(overlay.images ?? []).toEqual([]);
    expect(migrate.images ?? []).toEqual([]);
    const release = readKustomization(repoPath(`k8s/overlays/${env}/release`));
    expect(release.images).toEqual([expect.objectContaining({ name: 'parley', newTag: expect.stringMatching(/\S/) })]);
  });

  it.each(['dev', 'prod'])('%s: every object lands in namespace parley (components included)', (env) => {
    for (const dir of [`k8s/overlays/${env}`, `k8s/overlays/${env}/migrate`]) {
      const objects = collectObjects(repoPath(dir)).filter((o) => o.kind !== 'Namespace');
      expect(objects.length).toBeGreaterThan(0);
      expect(objects.filter((o) => o.metadata.namespace !== 'parley').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
    }
  });

  it('base leaves the migration Job out (it runs first, from its own kustomization)', () => {
    expect(collectObjects(repoPath('k8s/base')).filter((o) => o.kind === 'Job')).toEqual([]);
    expect(collectObjects(repoPath('k8s/base/migrate')).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/parley',
      'Job/parley-migrate',
    ]);
  });

  it('prod migrations run without the superuser db-setup step; dev keeps it', () => {
    const prod = readKustomization(repoPath('k8s/overlays/prod/migrate'));
    expect(prod.patches).toEqual([
      expect.objectContaining({
        target: { kind: 'Job', name: 'parley-migrate' },
        patch: expect.stringContaining('path: /spec/template/spec/initContainers'),
      }),
    ]);
    expect(readKustomization(repoPath('k8s/overlays/dev/migrate')).patches ?? []).toEqual([]);
    const job = collectObjects(repoPath('k8s/overlays/dev/migrate')).find((o) => o.kind === 'Job');
    expect(job && containersOf(job).map((c) => c.name)).toEqual(['db-setup', 'migrate']);
  });

  it('both overlays opt in to the LLM and notifier egress components', () => {
    for (const env of ['dev', 'prod']) {
      expect(readKustomization(repoPath(`k8s/overlays/${env}`)).components).toEqual(
        expect.arrayContaining(['../../components/llm-egress', '../../components/notifier-egress']),
      );
    }
  });
});

describe('kustomize checks catch broken trees', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const deployment = (name: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: parley\n`;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'parley-kustomize-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports a missing resource, an unlisted manifest and an example file in resources', () => {
    write(
      'base/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - a.yaml\n  - gone.yaml\n  - secret.example.yaml\n',
    );
    write('base/a.yaml', deployment('a'));
    write('base/sub/b.yaml', deployment('b'));
    write('base/secret.example.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n');
    const problems = kustomizationProblems(join(root, 'base'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('resources entry gone.yaml does not exist'),
        expect.stringContaining('sub/b.yaml is in the tree but not referenced'),
        expect.stringContaining('must never include an example file: secret.example.yaml'),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('reports a component that is not a Component, a resource outside the root and a wrong apiVersion', () => {
    write('base/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - a.yaml\n');
    write('base/a.yaml', deployment('a'));
    write(
      'overlay/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Kustomization\nresources:\n  - ../base/a.yaml\ncomponents:\n  - ../base\n',
    );
    expect(kustomizationProblems(join(root, 'overlay'))).toEqual([
      expect.stringContaining('Kustomization needs apiVersion kustomize.config.k8s.io/v1beta1'),
      expect.stringContaining('resource file ../base/a.yaml is outside the kustomization root'),
      expect.stringContaining('component ../base is a Kustomization, not a Component'),
    ]);
  });

  it('reports patches that match nothing or point at missing paths, and unknown images and replicas', () => {
    write('base/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - a.yaml\n');
    write('base/a.yaml', deployment('a'));
    write(
      'overlay/kustomization.yaml',
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources: [../base]',
        'images: [{ name: other, newTag: "1" }]',
        'replicas: [{ name: ghost, count: 2 }]',
        'patches:',
        '  - target: { kind: HorizontalPodAutoscaler }',
        '    patch: |-',
        '      - op: replace',
        '        path: /spec/minReplicas',
        '        value: 1',
        '  - target: { kind: Deployment, name: a }',
        '    patch: |-',
        '      - op: remove',
        '        path: /spec/template/spec/initContainers',
      ].join('\n'),
    );
    expect(patchProblems(join(root, 'overlay'))).toEqual([
      expect.stringContaining('patch on HorizontalPodAutoscaler/* matches no object'),
      expect.stringContaining('/spec/template/spec/initContainers missing in Deployment/a'),
      expect.stringContaining('images entry other matches no container image'),
      expect.stringContaining('replicas entry ghost matches no Deployment'),
    ]);
  });
});
