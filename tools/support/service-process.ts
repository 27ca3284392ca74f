import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * The kernel's ephemeral range starts at 32768 (net.ipv4.ip_local_port_range): a port taken from it
 * (listen(0)) and released can be taken by any outgoing connection before the service binds it
 * (EADDRINUSE, seen in a busy run). Ports are therefore picked below it, each tried by binding it,
 * and never handed out twice by this process.
 */
const PORT_RANGE = { low: 20_000, high: 32_767 } as const;
const handedOut = new Set<number>();

async function canBind(port: number): Promise<boolean> {
  const server = createServer();
  const bound = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (bound) await new Promise((resolve) => server.close(resolve));
  return bound;
}

/** A port nobody listens on right now, outside the ephemeral range, not handed out before by this process. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = PORT_RANGE.low + Math.floor(Math.random() * (PORT_RANGE.high - PORT_RANGE.low + 1));
    if (handedOut.has(port)) continue;
    // Reserved before the check, so concurrent callers (Promise.all) never get the same port.
    handedOut.add(port);
    if (await canBind(port)) return port;
    handedOut.delete(port);
  }
  throw new Error(`no free port found in ${PORT_RANGE.low}-${PORT_RANGE.high}`);
}

/** A TCP server that accepts connections and never answers: a hung dependency. */
export async function blackHole(): Promise<{ port: number; accepted(): number; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    /** Connections accepted so far (a dependency check in flight has opened one). */
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One app started from its compiled dist, with its stdout lines and stderr collected. */
export class ServiceProcess {
  readonly stdout: string[] = [];
  stderr = '';
  readonly exited: Promise<ExitResult>;
  private readonly child: ChildProcess;
  private partial = '';
  private listeners: Array<() => void> = [];

  constructor(
    readonly app: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [join(REPO_ROOT, 'apps', app, 'dist', 'main.js')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      this.stdout.push(...parts.filter((line) => line.length > 0));
      this.listeners.forEach((notify) => notify());
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** stdout lines parsed as JSON (throws on the first line that is not). */
  json(): Record<string, unknown>[] {
    return this.stdout.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${this.app} wrote a non-JSON line: ${line}`);
      }
    });
  }

  /** Resolves with the first JSON log line matching `match`; rejects on exit or timeout. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const find = () => this.stdout.map(parseLine).find((line) => line !== undefined && match(line));
      const timer = setTimeout(() => finish(new Error(`${this.app}: no matching log line in ${timeoutMs} ms\n${this.tail()}`)), timeoutMs);
      const finish = (error?: Error, line?: Record<string, unknown>) => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        if (error) reject(error);
        else resolve(line!);
      };
      const check = () => {
        const line = find();
        if (line) finish(undefined, line);
      };
      this.listeners.push(check);
      void this.exited.then(({ code }) => finish(new Error(`${this.app} exited with ${code} before logging it\n${this.tail()}`)));
      check();
    });
  }

  async waitForExit(timeoutMs: number): Promise<ExitResult & { ms: number }> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.app} did not exit within ${timeoutMs} ms\n${this.tail()}`)), timeoutMs);
    });
    try {
      return { ...(await Promise.race([this.exited, timeout])), ms: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  }

  signal(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) process.kill(this.pid, signal);
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
