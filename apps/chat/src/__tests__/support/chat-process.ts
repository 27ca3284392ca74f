// Starts the built chat service (apps/chat/dist/main.js) as a child process and reads its JSON
// logs. (tools/support/service-process.ts does the same for the repo-wide boot test; apps may
// not import from tools/, so the chat tests keep this small copy.)
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class ChatProcess {
  private readonly child: ChildProcess;
  private readonly lines: Record<string, unknown>[] = [];
  private output = '';
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [join(REPO_ROOT, 'apps', 'chat', 'dist', 'main.js')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        this.output += `${line}\n`;
        try {
          this.lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not a log line
        }
      }
      this.waiters.forEach((notify) => notify());
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves once a log line has this `msg`; rejects if the process exits first. */
  waitForLog(msg: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.lines.some((line) => line.msg === msg)) {
          this.waiters.delete(check);
          resolve();
        }
      };
      this.waiters.add(check);
      void this.exited.then((code) => reject(new Error(`chat exited with ${code} before logging "${msg}"\n${this.output.slice(-3000)}`)));
      check();
    });
  }

  signal(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) process.kill(this.child.pid!, signal);
  }

  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }
}
