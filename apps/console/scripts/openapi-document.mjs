// Builds the gateway's OpenAPI document (the one GET /docs/openapi.json serves) from the
// current source, without starting a server or touching any service, and without writing to
// the projects' dist/ folders (which running services and tests use):
//
// 1. The gateway and the libs are compiled with SWC (the repository's .swcrc, as
//    scripts/build.mjs does) into a private tree under tmp/, where node_modules/@parley/* point
//    at the compiled libs; third-party packages still resolve from the repository's node_modules.
// 2. The gateway's AppModule is created in Nest's preview mode: no provider is instantiated (no
//    database, NATS or Redis connection is opened), yet every controller is registered with
//    its metadata, which is all SwaggerModule.createDocument reads.
import { transformFile } from '@swc/core';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TEST_FILE = /(\.spec|\.int-spec|\.e2e-spec)\.ts$|\.d\.ts$/;

/** Variables the gateway's env schema requires; nothing is connected to in preview mode. */
const OFFLINE_ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/openapi',
  NATS_URL: 'nats://127.0.0.1:1',
  REDIS_URL: 'redis://127.0.0.1:1',
  AUTH_SIGNING_KEYS: 'openapi:openapi-document-offline-signing-key-0000',
  LOG_LEVEL: 'silent',
};

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === '__tests__' ? [] : walk(path);
    return path.endsWith('.ts') && !TEST_FILE.test(path) ? [path] : [];
  });
}

/** Every package.json of a project outside src/ and node_modules (main and subpath entries). */
function manifests(dir, base = dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'src' || entry === 'dist') return [];
    if (statSync(path).isDirectory()) return manifests(path, base);
    return entry === 'package.json' ? [relative(base, path)] : [];
  });
}

async function compile(project, out, swcrc) {
  const src = join(REPO_ROOT, project, 'src');
  await Promise.all(
    walk(src).map(async (file) => {
      const target = join(out, project, 'dist', relative(src, file)).replace(/\.ts$/, '.js');
      const { code } = await transformFile(file, { ...swcrc, sourceMaps: false, filename: file, swcrc: false });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  for (const manifest of manifests(join(REPO_ROOT, project))) cpSync(join(REPO_ROOT, project, manifest), join(out, project, manifest));
}

export async function gatewayOpenApiDocument() {
  const swcrc = JSON.parse(readFileSync(join(REPO_ROOT, '.swcrc'), 'utf8'));
  delete swcrc.$schema;
  const out = join(REPO_ROOT, 'tmp', `console-openapi-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  try {
    const libs = readdirSync(join(REPO_ROOT, 'libs')).filter((lib) => lib !== 'testing' && existsSync(join(REPO_ROOT, 'libs', lib, 'src')));
    await Promise.all([compile('apps/gateway', out, swcrc), ...libs.map((lib) => compile(`libs/${lib}`, out, swcrc))]);
    mkdirSync(join(out, 'node_modules', '@parley'), { recursive: true });
    for (const lib of libs) symlinkSync(join(out, 'libs', lib), join(out, 'node_modules', '@parley', lib), 'dir');
    const require = createRequire(join(out, 'apps', 'gateway', 'package.json'));
    require('reflect-metadata');
    const { NestFactory } = require('@nestjs/core');
    const { FastifyAdapter } = require('@nestjs/platform-fastify');
    const { SwaggerModule } = require('@nestjs/swagger');
    const { parseEnv } = require('@parley/observability/startup');
    const { envSchema, toAppConfig } = require('./dist/config/env.schema.js');
    const { AppModule } = require('./dist/app.module.js');
    const { openApiConfig } = require('./dist/docs/openapi.document.js');
    const config = toAppConfig(parseEnv(envSchema, OFFLINE_ENV));
    const app = await NestFactory.create(AppModule.forRoot(config), new FastifyAdapter(), {
      preview: true,
      logger: false,
      abortOnError: false,
    });
    return SwaggerModule.createDocument(app, openApiConfig());
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
