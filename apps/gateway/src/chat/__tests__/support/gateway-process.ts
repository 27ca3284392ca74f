import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, from apps/gateway/src/chat/__tests__/support. */
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');

/** `node apps/<app>/dist/main.js` as production runs it (the gateway by default), with signals. */
export class GatewayProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(
    env: Record<string, string>,
    readonly app = 'gateway',
  ) {
    this.child = spawn(process.execPath, [join(REPO_ROOT, 'apps', app, 'dist', 'main.js')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  async listening(timeoutMs = 40_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (!this.stdout.includes('"msg":"listening"')) {
      if (exited) throw new Error(`${this.app} exited before listening:\n${this.stdout.slice(-2000)}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`${this.app} did not listen in ${timeoutMs} ms:\n${this.stdout.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends a signal to this process (by its pid) if it still runs. */
  signal(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }
}
