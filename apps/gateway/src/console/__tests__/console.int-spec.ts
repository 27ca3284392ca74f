import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@parley/runtime';
import { GatewayHttpModule } from '../../http/gateway-http.module';
import { listenGateway, testGatewayConfig, testNamespace, type RunningGateway } from '../../http/__tests__/support/gateway-test-app';
import { ConsoleModule } from '../console.module';
import { ASSET_CACHE, CONSOLE_CSP } from '../console-headers.constants';

// The console's routes over real HTTP in the gateway's HTTP layer (problem filter, request
// hooks), against a console build in a temporary directory and against a missing one.

const INDEX =
  '<!doctype html><html lang="en"><head><script type="module" src="/console/assets/index.DGrxh2v7.js"></script></head><body><div id="root"></div></body></html>';

async function start(dir: string): Promise<RunningGateway> {
  const config = testGatewayConfig(testNamespace('console'));
  @Module({ imports: [ServiceRuntimeModule.forRoot(config), GatewayHttpModule.forRoot(config), ConsoleModule.forRoot({ dir })] })
  class ConsoleTestModule {}
  return listenGateway(ConsoleTestModule);
}

let dir: string;
let built: RunningGateway;
let missing: RunningGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-console-int-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index.DGrxh2v7.js'), 'document.title="x";');
  built = await start(dir);
  missing = await start(join(dir, 'not-there'));
});

afterAll(async () => {
  await Promise.all([built?.close(), missing?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

it.each(['/console', '/console/', '/console/login', '/console/handoff/6f1c3d0e-2f4b-4d8e-9d6a-1b2c3d4e5f60', '/console/inbox?unread=1'])(
  'serves index.html at %s, uncached, under a strict CSP',
  async (path) => {
    const response = await fetch(`${built.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.text()).toBe(INDEX);
  },
);

it('the CSP allows nothing inline and nothing from another origin', () => {
  expect(CONSOLE_CSP).toContain("default-src 'none'");
  expect(CONSOLE_CSP).toContain("script-src 'self'");
  expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
  expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
});

it('serves hashed files as immutable for a year', async () => {
  const response = await fetch(`${built.url}/console/assets/index.DGrxh2v7.js`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe(ASSET_CACHE);
  expect(ASSET_CACHE).toBe('public, max-age=31536000, immutable');
  expect(await response.text()).toBe('document.title="x";');
});

it.each([
  '/console/assets/index.AAAAAAAA.js',
  '/console/assets/..%2F..%2Fpackage.json',
  '/console/assets/nested/index.DGrxh2v7.js',
  '/console/favicon.ico',
  '/console/inbox/report.pdf',
])('answers 404 problem+json for the missing file %s (never the page)', async (path) => {
  const response = await fetch(`${built.url}${path}`);
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(await response.json()).toMatchObject({ status: 404, type: 'urn:parley:problem:not-found' });
});

it.each(['/console', '/console/inbox', '/console/assets/index.DGrxh2v7.js'])(
  'answers 503 problem+json at %s when the console is not built',
  async (path) => {
    const response = await fetch(`${missing.url}${path}`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toMatchObject({
      status: 503,
      code: 'CONSOLE_NOT_BUILT',
      type: 'urn:parley:problem:console-not-built',
      detail: expect.stringContaining('npm run build'),
    });
  },
);

it('refuses other methods with problem+json', async () => {
  const response = await fetch(`${built.url}/console/inbox`, { method: 'POST' });
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
});
