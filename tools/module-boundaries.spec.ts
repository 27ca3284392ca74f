import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The Nx boundary rule silently does nothing without a project graph, so a lint run that
// "passes" proves little. This lints small snippets as if they lived in each project (ESLint
// Node API with the repo's eslint.config.mjs, in a child process: see support/lint-snippets.mjs)
// and checks that every forbidden import really produces an @nx/enforce-module-boundaries error.
// The same way, it proves that the repository rule (parley/db-access-in-repositories, in
// eslint.config.mjs) rejects database calls in a service, handler, use case or controller of
// any app or in another lib, and accepts them in a `*.repository.ts` file and in libs/persistence,
// and that the file-name rule (parley/file-name-kind) rejects app files without a kind.

const ROOT = join(__dirname, '..');
const RULE = '@nx/enforce-module-boundaries';
const DB_RULE = 'parley/db-access-in-repositories';

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
}

type Case = readonly [description: string, filePath: string, code: string];

const use = (what: string, from: string) => `import * as m from '${from}';\nexport const ${what} = m;\n`;

const REJECTED: Case[] = [
  ['an app importing another app by relative path', 'apps/chat/src/probe.ts', use('x', '../../gateway/src/app.module')],
  ['an app importing another app by package name', 'apps/gateway/src/probe.ts', use('x', '@parley/app-chat')],
  ['a lib importing an app', 'libs/messaging/src/probe.ts', use('x', '@parley/app-chat')],
  ['a lib importing another lib by relative path', 'libs/auth/src/probe.ts', use('x', '../../persistence/src/index')],
  ['contracts importing Nest', 'libs/contracts/src/probe.ts', use('x', '@nestjs/common')],
  ['contracts importing NATS', 'libs/contracts/src/probe.ts', use('x', '@nats-io/jetstream')],
  ['signals importing Nest', 'libs/signals/src/probe.ts', use('x', '@nestjs/common')],
  ['signals importing NATS', 'libs/signals/src/probe.ts', use('x', '@nats-io/transport-node')],
  ['contracts importing an infra lib', 'libs/contracts/src/probe.ts', use('x', '@parley/observability')],
];

const TX = "import type { TenantTx } from '@parley/persistence';\n";
const modelCall = `${TX}export const probe = (tx: TenantTx) => tx.tenantContact.findMany({ where: { name: 'Dana' } });\n`;
const rawQuery = `${TX}export const probe = (tx: TenantTx, id: string) => tx.$queryRaw\`SELECT id FROM tenant_contacts WHERE id = \${id}::uuid\`;\n`;
const rawUnsafe = `${TX}export const probe = (tx: TenantTx) => tx.$executeRawUnsafe('DELETE FROM tenant_contacts');\n`;
const ownerClient =
  "import type { PrismaClient } from '@parley/persistence';\nexport class Probe {\n  constructor(private readonly prisma: PrismaClient) {}\n  ids() {\n    return this.prisma.tenant.findMany({ select: { id: true } });\n  }\n}\n";
const noDatabase =
  'export class Probe {\n  private readonly inflight = new Map<string, number>();\n  constructor(private readonly repo: { create(input: string): Promise<void> }) {}\n' +
  '  async run(id: string) {\n    this.inflight.delete(id);\n    await this.repo.create(id);\n  }\n}\n';

const NAME_RULE = 'parley/file-name-kind';
const plain = 'export const probe = 1;\n';

// App files are <name>.<kind>.ts(x) (parley/file-name-kind); entry points are handlers or controllers.
const NAME_REJECTED: Case[] = [
  ['an app file without a kind', 'apps/chat/src/probe/probe.ts', plain],
  ['an app file named in camelCase', 'apps/gateway/src/probe/probeThing.service.ts', plain],
  ['a barrel in an app', 'apps/gateway/src/probe/index.ts', plain],
  ['a widget file without a kind (.ts)', 'apps/widget/src/probe.ts', plain],
  ['a console component without a kind (.tsx)', 'apps/console/src/probe/probe.tsx', plain],
  ['a retired entry-point kind: rpc.endpoints', 'apps/client-insights/src/probe/probe-rpc.endpoints.ts', plain],
  ['a retired entry-point kind: routes', 'apps/tenant-intelligence/src/probe/probe-event.routes.ts', plain],
];

const NAME_ALLOWED: Case[] = [
  ['a handler', 'apps/notifier/src/probe/probe.handler.ts', plain],
  ['a two-word kind', 'apps/chat/src/probe/probe-thing.use-case.ts', plain],
  ['a console page (.tsx)', 'apps/console/src/probe/probe.page.tsx', plain],
  ['main.ts', 'apps/provisioning/src/main.ts', plain],
  ['a lib file without a kind (the rule covers apps)', 'libs/signals/src/probe.ts', plain],
];

const DB_REJECTED: Case[] = [
  ['a Prisma model call in a service', 'apps/notifier/src/probe/probe.service.ts', modelCall],
  ['$queryRaw in a handler', 'apps/client-insights/src/probe/probe.handler.ts', rawQuery],
  ['$executeRawUnsafe in a plain module', 'apps/tenant-intelligence/src/probe/probe.ts', rawUnsafe],
  [
    'a model call on an injected client (this.prisma.tenant.findMany) in a scheduler',
    'apps/client-insights/src/probe/probe.scheduler.ts',
    ownerClient,
  ],
  ['a Prisma model call in a chat use case', 'apps/chat/src/probe/probe.use-case.ts', modelCall],
  ['$executeRawUnsafe in a provisioning service', 'apps/provisioning/src/probe/probe.service.ts', rawUnsafe],
  ['a model call on an injected client in a gateway controller', 'apps/gateway/src/probe/probe.controller.ts', ownerClient],
  ['$queryRaw in a console module (.tsx)', 'apps/console/src/probe/probe.page.tsx', rawQuery],
  ['a Prisma model call in a lib other than persistence', 'libs/messaging/src/probe.ts', modelCall],
];

const DB_ALLOWED: Case[] = [
  ['a Prisma model call in a repository', 'apps/notifier/src/probe/probe.repository.ts', modelCall],
  ['$queryRaw in a repository', 'apps/client-insights/src/probe/probe.repository.ts', rawQuery],
  ['a model call on an injected client in a repository', 'apps/tenant-intelligence/src/probe/probe.repository.ts', ownerClient],
  ['a Prisma model call in a chat repository', 'apps/chat/src/probe/probe.repository.ts', modelCall],
  ['$queryRaw in a provisioning repository', 'apps/provisioning/src/probe/probe.repository.ts', rawQuery],
  [
    'a Prisma model call in libs/persistence',
    'libs/persistence/src/probe.ts',
    modelCall.replace('@parley/persistence', './client/prisma.types'),
  ],
  ['a service calling its repository and a Map (no database call)', 'apps/notifier/src/probe/probe.service.ts', noDatabase],
];

const ALLOWED: Case[] = [
  ['an app importing contracts', 'apps/gateway/src/probe/probe.controller.ts', use('x', '@parley/contracts')],
  [
    'an app importing the start-up entry of observability',
    'apps/chat/src/probe/probe.service.ts',
    use('x', '@parley/observability/startup'),
  ],
  ['an infra lib importing contracts', 'libs/messaging/src/probe.ts', use('x', '@parley/contracts')],
  ['signals importing contracts', 'libs/signals/src/probe.ts', use('x', '@parley/contracts')],
];

describe('module boundaries (eslint + Nx tags)', () => {
  const results = new Map<Case, Message[]>();

  beforeAll(() => {
    const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: ROOT, env, stdio: 'pipe' });
    const cases = [...REJECTED, ...ALLOWED, ...DB_REJECTED, ...DB_ALLOWED, ...NAME_REJECTED, ...NAME_ALLOWED];
    const output = execFileSync(process.execPath, [join(ROOT, 'tools/support/lint-snippets.mjs')], {
      cwd: ROOT,
      env,
      input: JSON.stringify(cases.map(([, filePath, code]) => ({ filePath, code }))),
      maxBuffer: 16 * 1024 * 1024,
    });
    (JSON.parse(output.toString()) as Message[][]).forEach((messages, i) => results.set(cases[i], messages));
  }, 180_000);

  const boundaryErrors = (c: Case) => (results.get(c) ?? []).filter((m) => m.ruleId === RULE && m.severity === 2);
  const dbErrors = (c: Case) => (results.get(c) ?? []).filter((m) => m.ruleId === DB_RULE && m.severity === 2);

  it.each(REJECTED.map((c) => [c[0], c] as const))('rejects %s', (_description, c) => {
    expect(boundaryErrors(c).length).toBeGreaterThan(0);
  });

  it.each(ALLOWED.map((c) => [c[0], c] as const))('allows %s with zero messages', (_description, c) => {
    expect(results.get(c)).toEqual([]);
  });

  it.each(DB_REJECTED.map((c) => [c[0], c] as const))('repository rule: rejects %s', (_description, c) => {
    expect(dbErrors(c)).toHaveLength(1);
  });

  it.each(DB_ALLOWED.map((c) => [c[0], c] as const))('repository rule: allows %s with zero messages', (_description, c) => {
    expect(results.get(c)).toEqual([]);
  });

  const nameErrors = (c: Case) => (results.get(c) ?? []).filter((m) => m.ruleId === NAME_RULE && m.severity === 2);

  it.each(NAME_REJECTED.map((c) => [c[0], c] as const))('file-name rule: rejects %s', (_description, c) => {
    expect(nameErrors(c)).toHaveLength(1);
  });

  it.each(NAME_ALLOWED.map((c) => [c[0], c] as const))('file-name rule: allows %s with zero messages', (_description, c) => {
    expect(results.get(c)).toEqual([]);
  });

  it('file-name rule: says what to do', () => {
    expect(nameErrors(NAME_REJECTED[0])[0].message).toContain('<name>.<kind>.ts(x)');
    expect(nameErrors(NAME_REJECTED[5])[0].message).toContain('.handler.ts');
  });

  it('repository rule: names the call it rejects', () => {
    expect(dbErrors(DB_REJECTED[0])[0].message).toContain('tenantContact.findMany');
    expect(dbErrors(DB_REJECTED[1])[0].message).toContain('$queryRaw');
  });

  it('names what was violated', () => {
    const nest = REJECTED.find(([d]) => d === 'contracts importing Nest')!;
    const app = REJECTED.find(([d]) => d === 'a lib importing an app')!;
    expect(
      boundaryErrors(nest)
        .map((m) => m.message)
        .join('\n'),
    ).toContain('@nestjs/common');
    // Depending on the graph, Nx reports the tag constraint or the cycle it creates; both name the app.
    expect(
      boundaryErrors(app)
        .map((m) => m.message)
        .join('\n'),
    ).toMatch(/chat|scope:app/);
  });
});
