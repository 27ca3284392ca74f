import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

// The gateway started from its compiled dist, as production runs it (`node apps/gateway/dist/main.js`).
// (tools/support/service-process.ts does this for every service; apps may not import tools/.)

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class DistGateway {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [join(REPO_ROOT, 'apps', 'gateway', 'dist', 'main.js')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves once the `listening` log line is out; rejects if the process exits first. */
  async listening(timeoutMs = 40_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (!this.stdout.includes('"msg":"listening"')) {
      if (exited) throw new Error(`gateway exited before listening:\n${this.stdout.slice(-2000)}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`gateway did not listen in ${timeoutMs} ms:\n${this.stdout.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the process if it still runs (SIGKILL, by pid). */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
