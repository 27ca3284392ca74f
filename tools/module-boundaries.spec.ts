import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The Nx boundary rule silently does nothing without a project graph, so a lint run that
// "passes" proves little. This lints small snippets as if they lived in each project (ESLint
// Node API with the repo's eslint.config.mjs, in a child process: see support/lint-snippets.mjs)
// and checks that every forbidden import really produces an @nx/enforce-module-boundaries error.

const ROOT = join(__dirname, '..');
const RULE = '@nx/enforce-module-boundaries';

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

const ALLOWED: Case[] = [
  ['an app importing contracts', 'apps/gateway/src/probe.ts', use('x', '@parley/contracts')],
  ['an app importing the start-up entry of observability', 'apps/chat/src/probe.ts', use('x', '@parley/observability/startup')],
  ['an infra lib importing contracts', 'libs/messaging/src/probe.ts', use('x', '@parley/contracts')],
  ['signals importing contracts', 'libs/signals/src/probe.ts', use('x', '@parley/contracts')],
];

describe('module boundaries (eslint + Nx tags)', () => {
  const results = new Map<Case, Message[]>();

  beforeAll(() => {
    const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: ROOT, env, stdio: 'pipe' });
    const cases = [...REJECTED, ...ALLOWED];
    const output = execFileSync(process.execPath, [join(ROOT, 'tools/support/lint-snippets.mjs')], {
      cwd: ROOT,
      env,
      input: JSON.stringify(cases.map(([, filePath, code]) => ({ filePath, code }))),
      maxBuffer: 16 * 1024 * 1024,
    });
    (JSON.parse(output.toString()) as Message[][]).forEach((messages, i) => results.set(cases[i], messages));
  }, 180_000);

  const boundaryErrors = (c: Case) => (results.get(c) ?? []).filter((m) => m.ruleId === RULE && m.severity === 2);

  it.each(REJECTED.map((c) => [c[0], c] as const))('rejects %s', (_description, c) => {
    expect(boundaryErrors(c).length).toBeGreaterThan(0);
  });

  it.each(ALLOWED.map((c) => [c[0], c] as const))('allows %s with zero messages', (_description, c) => {
    expect(results.get(c)).toEqual([]);
  });

  it('names what was violated', () => {
    const nest = REJECTED.find(([d]) => d === 'contracts importing Nest')!;
    const app = REJECTED.find(([d]) => d === 'a lib importing an app')!;
    expect(boundaryErrors(nest).map((m) => m.message).join('\n')).toContain('@nestjs/common');
    // Depending on the graph, Nx reports the tag constraint or the cycle it creates; both name the app.
    expect(boundaryErrors(app).map((m) => m.message).join('\n')).toMatch(/chat|scope:app/);
  });
});
