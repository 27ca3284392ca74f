import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { NatsClient } from '../connection/nats-client';
import { deleteNamespaceStreams, newNamespace } from './nats-test-context';

const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
jest.setTimeout(60_000);
const execFileAsync = promisify(execFile);
const root = resolve(__dirname, '../../../..');
// the script lives in a temp dir: resolve packages from the workspace
const run = (file: string, args: string[], options: { cwd: string; timeout?: number }) =>
  execFileAsync(file, args, { ...options, env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });

// @nestjs/* 12 ships ES modules only; Node 20.19+ loads them through require(esm) but the
// Jest runtime cannot. So the module is exercised the way apps run it: a Node process
// loading the built lib (dist), which this suite builds first.
const script = (dist: string) => `
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { randomUUID } = require('node:crypto');
const m = require(${JSON.stringify(dist)});
const { TenantGetRpc, DEFAULT_TENANT_CONFIG } = require('@parley/contracts');
const [url, namespace, variant] = process.argv.slice(2);
const options = { url, name: 'module-test', namespace, streams: true, firstConnectWithinMs: 3000 };
const messaging = variant === 'async'
  ? m.MessagingModule.forRootAsync({ useFactory: async () => options })
  : m.MessagingModule.forRoot(options);
class AppModule {}
Module({ imports: [messaging] })(AppModule);
(async () => {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false, abortOnError: false });
  app.enableShutdownHooks();
  const client = app.get(m.NatsClient);
  await client.check();
  const server = app.get(m.RpcServer);
  const tenantId = randomUUID();
  server.handle(TenantGetRpc, async (req) => ({ version: 1, tenant: {
    id: req.tenantId, slug: 'acme', displayName: 'Acme', kind: 'plumber', status: 'active', timezone: 'UTC', config: DEFAULT_TENANT_CONFIG,
    createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), deactivatedAt: null } }), { queue: 'provisioning' });
  const reply = await app.get(m.RpcClient).request(TenantGetRpc, { version: 1, tenantId });
  const streams = [];
  for await (const name of client.jsm.streams.names()) if (name.startsWith(namespace + '_')) streams.push(name);
  const sameNamer = app.get(m.SubjectNamer) === client.namer;
  await app.close();
  console.log(JSON.stringify({ replyTenant: reply.tenant.id === tenantId, streams: streams.sort(), sameNamer, closed: client.nc.isClosed() }));
})().catch((err) => { console.error(err); process.exit(1); });
`;

describe('MessagingModule (Nest, in a Node process)', () => {
  let dir: string;

  beforeAll(async () => {
    await run(process.execPath, [join(root, 'scripts/build.mjs'), 'libs/contracts', 'libs/messaging'], { cwd: root });
    dir = mkdtempSync(join(tmpdir(), 'parley-messaging-module-'));
    writeFileSync(join(dir, 'boot.cjs'), script(join(root, 'libs/messaging/dist/index.js')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['forRoot', 'async'])('%s: connects, declares the streams, serves RPC through DI and drains on close', async (variant) => {
    const namespace = newNamespace();
    try {
      const { stdout } = await run(process.execPath, [join(dir, 'boot.cjs'), url, namespace, variant], { cwd: root, timeout: 30_000 });
      expect(JSON.parse(stdout.trim().split('\n').pop() as string)).toEqual({
        replyTenant: true,
        streams: [`${namespace}_DLQ`, `${namespace}_EVENTS`],
        sameNamer: true,
        closed: true,
      });
    } finally {
      const admin = await NatsClient.connect({ url, name: 'module-test-cleanup' });
      await deleteNamespaceStreams(admin.jsm, namespace);
      await admin.drain();
    }
  });

  it('fails the boot with NOT_CONNECTED when NATS is unreachable', async () => {
    const err = await run(process.execPath, [join(dir, 'boot.cjs'), 'nats://127.0.0.1:1', newNamespace(), 'forRoot'], {
      cwd: root,
      timeout: 30_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot connect to NATS at nats://127.0.0.1:1') });
  });
});
