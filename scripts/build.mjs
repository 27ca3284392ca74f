#!/usr/bin/env node
// Compiles TypeScript sources of apps and libs with SWC (decorator metadata on, CommonJS out).
// Usage: node scripts/build.mjs [apps/gateway libs/contracts ...]   (no argument: everything)
// Output goes to <project>/dist, mirroring <project>/src. Type checking is `npm run typecheck`.
// The browser widget (apps/widget) and the web console (apps/console) are not compiled by SWC: their
// own Vite builds (apps/<name>/build.mjs) run after the others; the widget's prints its size against the budget.
import { transformFile } from '@swc/core';
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

/** Projects with a build of their own (not SWC): project -> its build script. */
const OWN_BUILDS = { 'apps/widget': 'apps/widget/build.mjs', 'apps/console': 'apps/console/build.mjs' };

const TEST_FILE = /(\.spec|\.int-spec|\.e2e-spec)\.ts$|\.d\.ts$/;

function listProjects() {
  return ['apps', 'libs'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => existsSync(join(root, dir, name, 'src')))
      .map((name) => `${dir}/${name}`),
  );
}

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === '__tests__' ? [] : walk(path);
    return path.endsWith('.ts') && !TEST_FILE.test(path) ? [path] : [];
  });
}

async function buildProject(project) {
  const src = join(root, project, 'src');
  const out = join(root, project, 'dist');
  rmSync(out, { recursive: true, force: true });
  const files = walk(src);
  await Promise.all(
    files.map(async (file) => {
      const target = join(out, relative(src, file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, {
        ...swcrc,
        filename: file,
        swcrc: false,
        sourceFileName: relative(dirname(target), file),
      });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) writeFileSync(`${target}.map`, map);
    }),
  );
  return files.length;
}

const projects = (process.argv.slice(2).length ? process.argv.slice(2) : listProjects()).map((p) => p.replace(/\/$/, ''));
const started = Date.now();
let count = 0;
const swcProjects = projects.filter((project) => !(project in OWN_BUILDS));
for (const project of swcProjects) count += await buildProject(project);
console.log(`built ${count} files in ${swcProjects.length} projects (${Date.now() - started} ms)`);
for (const project of projects.filter((p) => p in OWN_BUILDS)) {
  execFileSync(process.execPath, [join(root, OWN_BUILDS[project])], { cwd: root, stdio: 'inherit' });
}
