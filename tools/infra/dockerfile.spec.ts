import { isDockerIgnored, parseDockerfile, type Stage } from './support/dockerfile.util';
import { PARLEY_SERVICES } from './support/parley-services.constants';
import { listRepoFiles, readRepoJson, readRepoText, repoFileExists } from './support/repo-files.util';

const dockerfile = parseDockerfile(readRepoText('Dockerfile'));
const stage = (name: string) => dockerfile.stages.find((s) => s.name === name) as Stage;
const build = stage('build');
const runtime = stage('runtime-base');
const llamacpp = stage('runtime-llamacpp');
const dockerignore = readRepoText('.dockerignore');
const rootPackage = readRepoJson<{ workspaces: string[]; scripts: Record<string, string> }>('package.json');
const workspaceManifests = [...listRepoFiles('apps', ['package.json']), ...listRepoFiles('libs', ['package.json'])].filter(
  (f) => f.split('/').length === 3,
);

const runs = (stage: Stage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
const indexOf = (stage: Stage, predicate: (args: string, keyword: string) => boolean) =>
  stage.instructions.findIndex((i) => predicate(i.args, i.keyword));
const one = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('Dockerfile', () => {
  it('has build, a node:20-bookworm-slim runtime base, the llama.cpp target and the lean runtime last (the default target)', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['build', 'runtime-base', 'runtime-llamacpp', 'runtime']);
    expect(dockerfile.globalArgs.NODE_IMAGE).toBe('node:20-bookworm-slim');
    expect(build.from).toBe('${NODE_IMAGE}');
    expect(runtime.from).toBe('${NODE_IMAGE}');
    expect(llamacpp.from).toBe('runtime-base');
    expect(stage('runtime')).toEqual({ from: 'runtime-base', name: 'runtime', instructions: [] });
  });

  it('sets node-llama-cpp aside after the prune: only its CPU build, only in runtime-llamacpp', () => {
    const all = runs(build).join('\n');
    expect(all.indexOf('mv node_modules/node-llama-cpp /llamacpp/node_modules/')).toBeGreaterThan(all.indexOf('npm prune --omit=dev'));
    expect(all).toContain('mv "node_modules/@node-llama-cpp/linux-$(node -p process.arch)" /llamacpp/node_modules/@node-llama-cpp/');
    expect(all).toContain('rm -rf node_modules/@node-llama-cpp');
    expect(one(llamacpp, 'COPY')).toEqual(['--from=build /llamacpp/node_modules/ ./node_modules/']);
    expect(llamacpp.instructions.map((i) => i.keyword)).toEqual(['COPY']);
  });

  it('the lean image can do without node-llama-cpp: nothing imports it statically', () => {
    const sources = [...listRepoFiles('apps', ['.ts']), ...listRepoFiles('libs', ['.ts'])].filter(
      (f) => f.includes('/src/') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(f) && !f.includes('/__tests__/'),
    );
    const staticImports = sources.filter((f) => /^\s*(import|export)\s+(?!type\b)[^;]*from\s+'node-llama-cpp'/m.test(readRepoText(f)));
    expect(staticImports).toEqual([]);
    expect(sources.filter((f) => readRepoText(f).includes("require('node-llama-cpp')"))).toEqual([]);
  });

  it('copies every workspace package.json before npm install, so every @parley/* link exists', () => {
    expect(workspaceManifests.length).toBeGreaterThanOrEqual(PARLEY_SERVICES.length + 8);
    const ci = indexOf(build, (args, k) => k === 'RUN' && /\bnpm install\b/.test(args));
    expect(ci).toBeGreaterThan(-1);
    for (const manifest of workspaceManifests) {
      const at = indexOf(build, (args, k) => k === 'COPY' && args === `${manifest} ${manifest.replace(/package\.json$/, '')}`);
      expect({ manifest, copiedBeforeCi: at > -1 && at < ci }).toEqual({ manifest, copiedBeforeCi: true });
    }
  });

  it('generates the Prisma client, builds, prunes dev dependencies and stages the runtime files, with scripts that exist', () => {
    const all = runs(build).join('\n');
    expect(all).toContain('npm run db:generate && npm run build');
    expect(all).toContain('npm prune --omit=dev');
    expect(all).toContain('node infra/docker/stage-runtime.cjs /app /out');
    for (const script of ['db:generate', 'build', 'db:migrate']) expect(Object.keys(rootPackage.scripts)).toContain(script);
    const copyAll = indexOf(build, (args, k) => k === 'COPY' && args === '. .');
    const generate = indexOf(build, (args, k) => k === 'RUN' && args.includes('npm run db:generate'));
    expect(copyAll).toBeGreaterThan(-1);
    expect(copyAll).toBeLessThan(generate);
  });

  it('runtime: compiled output and pruned node_modules only, no install step', () => {
    expect(one(runtime, 'COPY')).toEqual(['--from=build /out/ ./', '--from=build /app/node_modules ./node_modules']);
    expect(runs(runtime).join('\n')).not.toMatch(/npm (ci|install)/);
    expect(one(runtime, 'WORKDIR')).toEqual(['/app']);
  });

  it('runtime: tini as PID 1, a non-root user, and CMD choosing the app from SERVICE', () => {
    expect(runs(runtime).join('\n')).toMatch(/apt-get install -y --no-install-recommends tini/);
    expect(one(runtime, 'ENTRYPOINT')).toEqual(['["/usr/bin/tini", "--"]']);
    expect(one(runtime, 'USER')).toEqual(['node']);
    expect(one(runtime, 'ARG')).toEqual(['SERVICE=gateway']);
    expect(one(runtime, 'ENV').join(' ')).toContain('SERVICE=${SERVICE}');
    expect(one(runtime, 'ENV').join(' ')).toContain('NODE_ENV=production');
    expect(one(runtime, 'CMD')).toEqual(['["/bin/sh", "infra/docker/start.sh"]']);
    // node:20-bookworm-slim has no tini; the local base image of scripts/container-check.sh has.
    expect(runs(runtime).join('\n')).toMatch(/^if \[ ! -x \/usr\/bin\/tini \]; then/);
    expect(repoFileExists('infra/docker/start.sh')).toBe(true);
  });

  it('runtime: HEALTHCHECK asks /health/live through the bundled script, and every service port is exposed', () => {
    const [healthcheck] = one(runtime, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node", "infra\/docker\/healthcheck\.cjs", "\/health\/live"\]$/);
    expect(repoFileExists('infra/docker/healthcheck.cjs')).toBe(true);
    const exposed = one(runtime, 'EXPOSE').join(' ').split(/\s+/).map(Number);
    expect(exposed.sort()).toEqual(PARLEY_SERVICES.map((s) => s.port).sort());
  });
});

describe('.dockerignore', () => {
  it.each([
    'package.json',
    'package-lock.json',
    '.npmrc',
    '.swcrc',
    'apps/gateway/src/main.ts',
    'libs/contracts/src/index.ts',
    'prisma/schema.prisma',
    'prisma/migrations/20261123090000_init/migration.sql',
    'scripts/build.mjs',
    'scripts/db-setup.mjs',
    'scripts/migrate.mjs',
    'infra/docker/healthcheck.cjs',
    'infra/docker/start.sh',
    'infra/docker/stage-runtime.cjs',
  ])('keeps %s in the build context', (path) => {
    expect(isDockerIgnored(dockerignore, path)).toBe(false);
  });

  it.each([
    'node_modules/yaml/package.json',
    'apps/chat/node_modules/x/index.js',
    'libs/contracts/dist/index.js',
    'libs/persistence/src/generated/prisma/client.ts',
    '.git/HEAD',
    '.env',
    '.env.production',
    'k8s/base/kustomization.yaml',
    'infra/grafana/dashboards/operations.json',
    'apps/chat/src/__tests__/turn.spec.ts',
    'libs/llm/src/provider.int-spec.ts',
  ])('leaves %s out of the build context', (path) => {
    expect(isDockerIgnored(dockerignore, path)).toBe(true);
  });
});

describe('readers used above', () => {
  it('parseDockerfile joins continuations, skips comments and splits stages', () => {
    const parsed = parseDockerfile('ARG A=1\n# c\nFROM x AS one\nRUN a \\\n  # inner comment\n  && b\nFROM one\nUSER node\n');
    expect(parsed).toEqual({
      globalArgs: { A: '1' },
      stages: [
        { from: 'x', name: 'one', instructions: [{ keyword: 'RUN', args: 'a && b' }] },
        { from: 'one', name: undefined, instructions: [{ keyword: 'USER', args: 'node' }] },
      ],
    });
  });

  it('isDockerIgnored: parent directories, ** at any depth, negation, last match wins', () => {
    const rules = '**/dist\ninfra\n!infra/docker\n*.log\n!keep.log\n';
    expect(isDockerIgnored(rules, 'dist/a.js')).toBe(true);
    expect(isDockerIgnored(rules, 'libs/x/dist/a.js')).toBe(true);
    expect(isDockerIgnored(rules, 'libs/x/distant.js')).toBe(false);
    expect(isDockerIgnored(rules, 'infra/nats/nats.conf')).toBe(true);
    expect(isDockerIgnored(rules, 'infra/docker/start.sh')).toBe(false);
    expect(isDockerIgnored(rules, 'a.log')).toBe(true);
    expect(isDockerIgnored(rules, 'keep.log')).toBe(false);
    expect(isDockerIgnored(rules, 'logs/a.log')).toBe(false);
  });
});
