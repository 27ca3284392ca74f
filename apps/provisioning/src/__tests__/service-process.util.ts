// Runs apps/provisioning/dist/main.js as a child process and collects its JSON log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const parse = (line: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

export class ProvisioningProcess {
  readonly stdout: string[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null }>;
  private readonly child: ChildProcess;
  private partial = '';
  private readonly waiters = new Set<() => void>();

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [join(REPO_ROOT, 'apps', 'provisioning', 'dist', 'main.js')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      this.stdout.push(...parts.filter(Boolean));
      this.waiters.forEach((check) => check());
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve({ code })));
  }

  lines(): Record<string, unknown>[] {
    return this.stdout.map(parse).filter((line): line is Record<string, unknown> => line !== undefined);
  }

  /** The first log line matching `match`; rejects when the process exits or after `timeoutMs`. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error, line?: Record<string, unknown>) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve(line!);
      };
      const check = () => {
        const line = this.lines().find(match);
        if (line) done(undefined, line);
      };
      const timer = setTimeout(() => done(new Error(`no matching log line within ${timeoutMs} ms\n${this.tail()}`)), timeoutMs);
      this.waiters.add(check);
      void this.exited.then(({ code }) => done(new Error(`provisioning exited with ${code}\n${this.tail()}`)));
      check();
    });
  }

  signal(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) process.kill(this.child.pid!, signal);
  }

  /** Ends the process if it still runs (SIGKILL, by pid). */
  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }

  tail(lines = 15): string {
    return [...this.stdout.slice(-lines), this.stderr.trim()].filter(Boolean).join('\n');
  }
}
