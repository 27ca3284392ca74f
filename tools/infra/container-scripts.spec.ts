import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoPath } from './support/repo-files.util';

// The image's helper scripts, run for real (node and sh are all they need).

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', ...options.env }, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function write(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'parley-container-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('infra/docker/start.sh (image CMD)', () => {
  const start = repoPath('infra/docker/start.sh');
  beforeEach(() => {
    write(scratch, 'apps/demo/dist/main.js', "console.log('started ' + process.env.SERVICE);");
    write(scratch, 'apps/other/dist/main.js', '');
  });

  it('starts the app named by SERVICE', async () => {
    expect(await run('sh', [start], { cwd: scratch, env: { SERVICE: 'demo' } })).toEqual({ code: 0, stdout: 'started demo\n', stderr: '' });
  });

  it.each([
    ['unset', undefined, /SERVICE must be an app name \(one of: demo other \); got ''/],
    ['a path', '../demo', /SERVICE must be an app name/],
    ['unknown', 'billing', /SERVICE=billing is not in this image \(no apps\/billing\/dist\/main.js\); apps: demo other/],
  ])('refuses SERVICE %s with exit 64 and a clear line', async (_case, service, message) => {
    const result = await run('sh', [start], { cwd: scratch, env: service === undefined ? {} : { SERVICE: service } });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
  });

  it('execs node, so SIGTERM reaches the app and it can drain', async () => {
    write(
      scratch,
      'apps/demo/dist/main.js',
      "process.on('SIGTERM', () => { console.log('draining'); process.exit(0); }); console.log('ready'); setInterval(() => undefined, 1000);",
    );
    const child = spawn('sh', [start], { cwd: scratch, env: { PATH: process.env.PATH ?? '', SERVICE: 'demo' } });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) resolve();
      }),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toBe('ready\ndraining\n');
  });
});

describe('infra/docker/healthcheck.cjs (HEALTHCHECK, compose healthchecks)', () => {
  const script = repoPath('infra/docker/healthcheck.cjs');
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/health/live') return res.writeHead(200).end('{"status":"ok"}');
      if (req.url === '/health/ready') return res.writeHead(503).end('{"status":"error","checks":{"redis":"down: ECONNREFUSED"}}');
      // /slow never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('exits 0 on a 2xx answer, probing /health/live by default', async () => {
    expect(await run('node', [script], { env: { PORT: String(port) } })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on a non-2xx answer and prints why', async () => {
    const result = await run('node', [script, '/health/ready'], { env: { PORT: String(port) } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `http://127.0.0.1:${port}/health/ready -> 503 {"status":"error","checks":{"redis":"down: ECONNREFUSED"}}`,
    );
  });

  it('exits 1 when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await run('node', [script], { env: { PORT: String(freePort) } });
    expect(result).toEqual({ code: 1, stdout: '', stderr: `healthcheck: http://127.0.0.1:${freePort}/health/live -> ECONNREFUSED\n` });
  });

  it('exits 1 when the answer takes longer than HEALTHCHECK_TIMEOUT_MS', async () => {
    const started = Date.now();
    const result = await run('node', [script, '/slow'], { env: { PORT: String(port), HEALTHCHECK_TIMEOUT_MS: '300' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\/slow -> .*(abort|timeout)/i);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses to guess a port: no PORT and an unknown SERVICE exit 1', async () => {
    const result = await run('node', [script], { env: { SERVICE: 'billing' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'healthcheck: set PORT, or SERVICE to one of gateway, chat, tenant-intelligence, client-insights, provisioning, notifier',
    );
  });
});

describe('infra/docker/stage-runtime.cjs (what the runtime image receives)', () => {
  const script = repoPath('infra/docker/stage-runtime.cjs');
  const workspace = () => join(scratch, 'ws');
  const out = () => join(scratch, 'out');

  beforeEach(() => {
    const ws = workspace();
    write(ws, 'package.json', JSON.stringify({ workspaces: ['apps/*', 'libs/*'] }));
    write(ws, 'package-lock.json', '{}');
    write(ws, 'prisma/schema.prisma', 'generator client {}');
    write(ws, 'prisma/migrations/1_init/migration.sql', 'SELECT 1;');
    write(ws, 'scripts/migrate.mjs', '');
    for (const helper of ['healthcheck.cjs', 'start.sh']) cpSync(repoPath(`infra/docker/${helper}`), join(ws, 'infra/docker', helper));
    write(ws, 'apps/demo/package.json', JSON.stringify({ name: '@parley/app-demo', main: './dist/main.js' }));
    write(ws, 'apps/demo/dist/main.js', '');
    write(ws, 'apps/demo/src/main.ts', '');
    write(ws, 'apps/demo/project.json', '{}');
    write(ws, 'libs/obs/package.json', JSON.stringify({ name: '@parley/obs', main: './dist/index.js' }));
    write(ws, 'libs/obs/dist/index.js', '');
    write(ws, 'libs/obs/startup/package.json', JSON.stringify({ main: '../dist/startup/index.js' }));
    write(ws, 'libs/obs/node_modules/pinned/index.js', '');
    write(ws, 'libs/obs/src/index.ts', '');
    write(ws, 'libs/testing/package.json', JSON.stringify({ name: '@parley/testing', main: './dist/index.js' }));
    write(ws, 'libs/testing/dist/index.js', '');
  });

  it('copies manifests, prisma, scripts, helpers and built projects, without sources or dev-only libs', async () => {
    const result = await run('node', [script, workspace(), out()]);
    expect(result).toEqual({ code: 0, stdout: 'staged 2 projects: apps/demo libs/obs\n', stderr: '' });
    const present = [
      'package.json',
      'package-lock.json',
      'prisma/migrations/1_init/migration.sql',
      'scripts/migrate.mjs',
      'infra/docker/healthcheck.cjs',
      'infra/docker/start.sh',
      'apps/demo/package.json',
      'apps/demo/dist/main.js',
      'libs/obs/dist/index.js',
      'libs/obs/startup/package.json',
      'libs/obs/node_modules/pinned/index.js',
    ];
    for (const path of present) expect({ path, staged: existsSync(join(out(), path)) }).toEqual({ path, staged: true });
    for (const path of ['apps/demo/src', 'apps/demo/project.json', 'libs/obs/src', 'libs/testing']) {
      expect({ path, staged: existsSync(join(out(), path)) }).toEqual({ path, staged: false });
    }
    expect(readFileSync(join(out(), 'infra/docker/start.sh'), 'utf8')).toBe(readFileSync(repoPath('infra/docker/start.sh'), 'utf8'));
  });

  it('fails, naming the file, when a project was not built', async () => {
    rmSync(join(workspace(), 'apps/demo/dist'), { recursive: true });
    const result = await run('node', [script, workspace(), out()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'stage-runtime: apps/demo: apps/demo/dist/main.js does not exist (package.json "main"); run the build first\n',
    );
  });

  it('fails when prisma/ is missing (the migrate job needs it)', async () => {
    rmSync(join(workspace(), 'prisma'), { recursive: true });
    const result = await run('node', [script, workspace(), out()]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'stage-runtime: prisma/ is missing from the workspace\n' });
  });

  it('prints usage without arguments', async () => {
    expect(await run('node', [script])).toEqual({
      code: 64,
      stdout: '',
      stderr: 'usage: node infra/docker/stage-runtime.cjs <workspace-root> <out-dir>\n',
    });
  });
});
