import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockLlm } from '@parley/testing';
import { suffixedDemoDir } from '../support/demo-dir';
import { REPO_ROOT } from '../support/service-process';

// scripts/demo.sh (what `npm run demo` runs) for real: the seed and the six services from their
// compiled dist, against the run's database, JetStream namespace and Redis, on free ports and
// with a state directory of its own (set-up is skipped: the test run already did it). Every way
// the script can end must stop the six services: a hang-up (the terminal closed), SIGTERM while
// they start, Ctrl-C, and a second start after the script itself was SIGKILLed.
jest.setTimeout(240_000);

/** What the demo starts, in order: the shop tenant's fake Shopify, then the six services. */
const SERVICES = ['fake-shopify', 'provisioning', 'chat', 'tenant-intelligence', 'client-insights', 'notifier', 'gateway'] as const;
const OFFSETS: Record<(typeof SERVICES)[number], number> = {
  'fake-shopify': 6,
  gateway: 0,
  chat: 1,
  'tenant-intelligence': 2,
  'client-insights': 3,
  provisioning: 4,
  notifier: 5,
};

function testVar(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through jest --selectProjects integration (global setup)`);
  return value;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Seven consecutive free ports (gateway first, the fake Shopify last), as DEMO_PORT_BASE expects. */
async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const free = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no seven consecutive free ports found');
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs, and is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Every process that carries this state directory in its environment: all the demo started. */
function processesOf(stateDir: string): number[] {
  const marker = `PARLEY_STATE_DIR=${stateDir}\0`;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One `bash scripts/demo.sh`, in a process group of its own like a terminal's foreground job. */
class DemoRun {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    this.child = spawn('bash', ['scripts/demo.sh'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.child.stdout!, this.child.stderr!])
      stream.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** To the whole group (bash and its foreground child), as a terminal sends a hang-up or Ctrl-C. */
  signalGroup(signal: NodeJS.Signals): void {
    process.kill(-this.pid, signal);
  }

  /** To the script alone, as `kill <pid>` does. */
  signal(signal: NodeJS.Signals): void {
    process.kill(this.pid, signal);
  }

  async exit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`demo.sh did not exit within ${timeoutMs} ms\n${this.outputTail()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The output's last lines, which say why it ended (the seed's long listing before them is left out). */
  outputTail(lines = 45): string {
    return `--- last ${lines} lines of its output ---\n${this.output.trimEnd().split('\n').slice(-lines).join('\n')}`;
  }

  async running(): Promise<void> {
    await until(
      '"Parley is running"',
      () => {
        if (this.child.exitCode !== null)
          throw new Error(`demo.sh exited with ${this.child.exitCode} before it was running\n${this.outputTail()}`);
        return this.output.includes('[demo] Parley is running');
      },
      150_000,
    );
  }
}

describe('scripts/demo.sh', () => {
  const runId = testVar('TEST_RUN_ID');
  let stateDir: string;
  let demoDir: string;
  let base: number;
  let env: Record<string, string>;
  let count = 0;

  beforeEach(async () => {
    const suffix = `d${runId.slice(0, 6)}${++count}`;
    stateDir = mkdtempSync(join(tmpdir(), 'parley-demo-state-'));
    demoDir = suffixedDemoDir(suffix);
    base = await freePortBase();
    env = {
      PATH: process.env.PATH as string,
      HOME: process.env.HOME ?? stateDir,
      PARLEY_STATE_DIR: stateDir,
      DEMO_SKIP_SETUP: '1',
      DEMO_PORT_BASE: String(base),
      DEMO_DIR: demoDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: testVar('TEST_DATABASE_URL'),
      ANALYTICS_DATABASE_URL: testVar('TEST_DATABASE_ANALYTICS_URL'),
      NATS_URL: testVar('TEST_NATS_URL'),
      REDIS_URL: testVar('TEST_REDIS_URL'),
      // Under the run id: the global teardown deletes the streams.
      NATS_NAMESPACE: `${runId}${suffix}`,
      OWNER_EMAIL: `owner-${suffix}@parley.test`,
    };
  });

  afterEach(() => {
    // Whatever a failed assertion left running: only processes this test's demo started.
    for (const pid of processesOf(stateDir)) process.kill(pid, 'SIGKILL');
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(demoDir, { recursive: true, force: true });
  });

  function services(): Array<{ pid: number; name: string }> {
    const file = join(stateDir, 'demo.services');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [pid, name] = line.split(' ');
        return { pid: Number(pid), name };
      });
  }

  async function expectAllGone(listed: Array<{ pid: number; name: string }>): Promise<void> {
    expect(listed.map((s) => s.name)).toEqual(SERVICES);
    for (const { pid } of listed) expect(alive(pid)).toBe(false);
    expect(processesOf(stateDir)).toEqual([]);
    for (const name of SERVICES) expect(await accepts(base + OFFSETS[name])).toBe(false);
    expect(existsSync(join(stateDir, 'demo.services'))).toBe(false);
    expect(existsSync(join(stateDir, 'demo.pid'))).toBe(false);
  }

  it('runs the fake Shopify and the six services, refuses a second demo while it runs, and stops them all when the terminal hangs up', async () => {
    const demo = new DemoRun(env);
    await demo.running();
    const listed = services();
    expect(listed.map((s) => s.name)).toEqual(SERVICES);
    for (const { pid, name } of listed) {
      const entry = name === 'fake-shopify' ? 'libs/testing/dist/fakes/fake-shops.main.js' : `apps/${name}/dist/main.js`;
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain(entry);
      expect(readlinkSync(`/proc/${pid}/cwd`)).toBe(REPO_ROOT);
      expect(await accepts(base + OFFSETS[name as (typeof SERVICES)[number]])).toBe(true);
    }
    const health = await fetch(`http://127.0.0.1:${base}/health/ready`);
    expect(health.status).toBe(200);
    // Each staff login of the demo's tenants printed with a password of its own.
    const fixture = JSON.parse(readFileSync(join(demoDir, 'tenants.json'), 'utf8')) as {
      tenants: Array<{ staff: Array<{ email: string }> }>;
    };
    const staff = [...demo.output.matchAll(/Staff login\s+(\S+) \/ (\S+) \((tenant_admin|tenant_agent)\)/g)].map((m) => ({
      email: m[1],
      password: m[2],
    }));
    expect(staff.map((s) => s.email)).toEqual(fixture.tenants.flatMap((t) => t.staff.map((s) => s.email.toLowerCase())));
    expect(new Set(staff.map((s) => s.password)).size).toBe(staff.length);

    const second = new DemoRun(env);
    expect(await second.exit(30_000)).toEqual({ code: 1, signal: null });
    expect(second.output).toContain(
      `[demo] error: a demo is already running from ${REPO_ROOT} (pid ${demo.pid}, gateway http://127.0.0.1:${base})`,
    );
    for (const { pid } of listed) expect(alive(pid)).toBe(true);

    demo.signalGroup('SIGHUP');
    expect(await demo.exit(30_000)).toEqual({ code: 129, signal: null });
    expect(demo.output).toContain('[demo] stopped');
    await expectAllGone(listed);
  });

  /** One visitor turn with the shop tenant of this demo (its API key as printed), answered as JSON. */
  async function askShop(demo: DemoRun, message: string): Promise<string> {
    const block = demo.output.slice(demo.output.indexOf('(gadget-corner-'));
    const key = /API key\s+(sk_live_\S+)/.exec(block)?.[1] as string;
    const gateway = `http://127.0.0.1:${base}`;
    const session = (await (
      await fetch(`${gateway}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { token: string };
    const answer = await fetch(`${gateway}/api/v1/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message }),
    });
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { content: string }).content;
  }

  it('serves the shop tenant live stock and order answers from its fake Shopify, without a model and with one', async () => {
    const offline = new DemoRun(env);
    await offline.running();
    expect(offline.output).toMatch(/Live shop\s+http:\/\/127\.0\.0\.1:\d+ \(local fake Shopify\): product_search/);
    expect(await askShop(offline, 'Do you have the iPhone 15 in stock?')).toContain('5 available at 799.00 USD');
    expect(await askShop(offline, 'Where is order #1001? My email is alice@example.com')).toMatch(/Order #1001 .*has shipped/);
    offline.signalGroup('SIGINT');
    expect(await offline.exit(30_000)).toEqual({ code: 0, signal: null });

    // With a model (the mock OpenAI-compatible server): it calls the shop tool, then answers from the result.
    const mock = await startMockLlm();
    try {
      // Answered by what is asked (other model calls, e.g. summaries of the first run's sessions,
      // may come first): the visitor's turn, offered the shop tools, calls product_search, and
      // answers once the tool's result is in the conversation.
      mock.setResponder((request) => {
        const offered = JSON.stringify(request.tools ?? []).includes('product_search');
        const hasResult = request.messages.some((m) => m.role === 'tool');
        if (offered && !hasResult)
          return { type: 'tool_calls', toolCalls: [{ id: 'call_1', name: 'product_search', arguments: { query: 'iPhone 15' } }] };
        if (offered) return { type: 'text', text: 'Yes, we have the iPhone 15 in stock.' };
        return { type: 'text', text: '{}' };
      });
      // A namespace of its own: the first run's turn events must not reach this run's extraction (it would use the model).
      const withModel = new DemoRun({
        ...env,
        NATS_NAMESPACE: `${env.NATS_NAMESPACE}m`,
        DEMO_LLM: 'openai:mock-chat',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: mock.url,
      });
      await withModel.running();
      const said = await askShop(withModel, 'Do you have the iPhone 15 in stock?');
      expect(said).toBe('Yes, we have the iPhone 15 in stock.');
      const calls = mock.requests.filter((r) => r.path === '/v1/chat/completions' && JSON.stringify(r.body).includes('product_search'));
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(calls[1].body)).toContain('799.00');
      withModel.signalGroup('SIGINT');
      expect(await withModel.exit(30_000)).toEqual({ code: 0, signal: null });
    } finally {
      await mock.close();
    }
  });

  it('stops what it started when SIGTERM arrives while the services start', async () => {
    const demo = new DemoRun(env);
    await until('the fake Shopify and six services started', () => services().length === SERVICES.length, 120_000);
    const listed = services();
    expect(demo.output).not.toContain('Parley is running');
    demo.signal('SIGTERM');
    expect(await demo.exit(30_000)).toEqual({ code: 143, signal: null });
    expect(demo.output).not.toContain('Parley is running');
    await expectAllGone(listed);
  });

  it('after the script was SIGKILLed, the next start stops the services it left, and Ctrl-C stops the new ones', async () => {
    const killed = new DemoRun(env);
    await killed.running();
    const left = services();
    killed.signal('SIGKILL');
    await killed.exit(10_000);
    for (const { pid } of left) expect(alive(pid)).toBe(true); // orphaned: only SIGKILL can do this

    const next = new DemoRun(env);
    await next.running();
    for (const { pid, name } of left)
      expect(next.output).toContain(`[demo] stopping ${name} (pid ${pid}), left running by a demo that was killed`);
    for (const { pid } of left) expect(alive(pid)).toBe(false);
    const listed = services();
    expect(listed.map((s) => s.pid)).not.toEqual(left.map((s) => s.pid));

    next.signalGroup('SIGINT');
    expect(await next.exit(30_000)).toEqual({ code: 0, signal: null });
    await expectAllGone(listed);
  });
});
