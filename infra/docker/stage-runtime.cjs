#!/usr/bin/env node
// Copies what the runtime image needs out of a built workspace (Dockerfile build stage):
//
//   node infra/docker/stage-runtime.cjs <workspace-root> <out-dir>
//
// Staged: package.json + package-lock.json (for `npm run db:migrate`), prisma/ (schema and
// migrations, read by scripts/migrate.mjs), scripts/, the container helpers in infra/docker/,
// and every workspace project except the dev-only ones, without its sources: dist/, its
// package.json files (including subpath ones such as libs/observability/startup/package.json)
// and any nested node_modules. node_modules at the root is copied by the Dockerfile itself.
//
// Fails, naming the file, when a project's package.json "main" was not built: an image whose
// app cannot start must not be produced.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Workspace projects that only tests use: never shipped. */
const DEV_ONLY_PROJECTS = new Set(['libs/testing']);
/** Top-level entries of a project that stay behind (sources, Nx and tool config). */
const PROJECT_EXCLUDES = new Set(['src', 'project.json', 'README.md', 'jest.config.js', 'jest.config.ts', '.eslintrc.json']);
const ROOT_FILES = ['package.json', 'package-lock.json'];
const ROOT_DIRS = ['prisma', 'scripts'];
const DOCKER_HELPERS = ['healthcheck.cjs', 'start.sh'];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Expands the `workspaces` globs of the root package.json ("apps/*" form only). */
function listProjects(root) {
  const { workspaces = [] } = readJson(path.join(root, 'package.json'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return fs.existsSync(path.join(root, pattern, 'package.json')) ? [pattern] : [];
    const dir = pattern.slice(0, -2);
    if (!fs.existsSync(path.join(root, dir))) return [];
    return fs
      .readdirSync(path.join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, dir, entry.name, 'package.json')))
      .map((entry) => `${dir}/${entry.name}`)
      .sort();
  });
}

function copy(from, to) {
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true, errorOnExist: false });
}

function stageProject(root, out, project) {
  const manifest = readJson(path.join(root, project, 'package.json'));
  const main = manifest.main || './dist/index.js';
  if (!fs.existsSync(path.join(root, project, main))) {
    throw new Error(`${project}: ${path.join(project, main)} does not exist (package.json "main"); run the build first`);
  }
  for (const entry of fs.readdirSync(path.join(root, project))) {
    if (PROJECT_EXCLUDES.has(entry)) continue;
    copy(path.join(root, project, entry), path.join(out, project, entry));
  }
}

function stageRuntime(root, out) {
  const projects = listProjects(root).filter((project) => !DEV_ONLY_PROJECTS.has(project));
  if (projects.length === 0) throw new Error(`no workspace projects found under ${root}`);
  fs.mkdirSync(out, { recursive: true });
  for (const file of ROOT_FILES) copy(path.join(root, file), path.join(out, file));
  for (const dir of ROOT_DIRS) {
    if (!fs.existsSync(path.join(root, dir))) throw new Error(`${dir}/ is missing from the workspace`);
    copy(path.join(root, dir), path.join(out, dir));
  }
  for (const helper of DOCKER_HELPERS) copy(path.join(root, 'infra/docker', helper), path.join(out, 'infra/docker', helper));
  for (const project of projects) stageProject(root, out, project);
  return projects;
}

if (require.main === module) {
  const [root, out] = process.argv.slice(2);
  if (!root || !out) {
    console.error('usage: node infra/docker/stage-runtime.cjs <workspace-root> <out-dir>');
    process.exit(64);
  }
  try {
    const projects = stageRuntime(path.resolve(root), path.resolve(out));
    console.log(`staged ${projects.length} projects: ${projects.join(' ')}`);
  } catch (err) {
    console.error(`stage-runtime: ${err.message}`);
    process.exit(1);
  }
}

module.exports = { stageRuntime, listProjects };
