import { installGracefulShutdown, type GracefulShutdown } from '../bootstrap/graceful-shutdown';
import { createLogger } from '../logging/logger.factory';
import { memoryDestination } from './memory-destination';

interface Harness {
  shutdown: GracefulShutdown;
  exits: number[];
  steps: string[];
  lines: Record<string, unknown>[];
}

function harness(close: () => Promise<void>, timeoutMs = 1000): Harness {
  const out = memoryDestination();
  const exits: number[] = [];
  const steps: string[] = [];
  const shutdown = installGracefulShutdown(
    {
      close: async () => {
        steps.push('close');
        await close();
      },
    },
    {
      timeoutMs,
      logger: createLogger({ service: 'test', destination: out }),
      onShutdownStart: () => steps.push('not ready'),
      onShutdown: () => void steps.push('telemetry'),
      // A signal nobody sends, so the test process's own SIGTERM/SIGINT stay untouched.
      signals: ['SIGUSR2'],
      exit: (code) => void exits.push(code),
    },
  );
  return { shutdown, exits, steps, lines: out.lines };
}

describe('installGracefulShutdown', () => {
  let current: Harness | undefined;
  afterEach(() => current?.shutdown.dispose());

  it('marks not ready, closes the app, runs onShutdown, then exits 0', async () => {
    current = harness(async () => undefined);
    await current.shutdown.trigger('SIGTERM');
    expect(current.steps).toEqual(['not ready', 'close', 'telemetry']);
    expect(current.exits).toEqual([0]);
    expect(current.lines.map((l) => l.msg)).toEqual(['shutting down', 'shutdown complete']);
  });

  it('reacts to the process signal', async () => {
    current = harness(async () => undefined);
    process.emit('SIGUSR2', 'SIGUSR2');
    await new Promise((resolve) => setImmediate(resolve));
    expect(current.exits).toEqual([0]);
  });

  it('is idempotent: a second signal while draining does not close twice', async () => {
    let finish!: () => void;
    current = harness(() => new Promise<void>((resolve) => (finish = resolve)));
    const first = current.shutdown.trigger('SIGTERM');
    const second = current.shutdown.trigger('SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    finish();
    await Promise.all([first, second]);
    expect(current.steps.filter((s) => s === 'close')).toHaveLength(1);
    expect(current.exits).toEqual([0]);
    expect(current.lines.map((l) => l.msg)).toContain('shutdown already in progress');
  });

  it('exits 1 and says so when draining exceeds the timeout', async () => {
    current = harness(() => new Promise<void>(() => undefined), 30);
    void current.shutdown.trigger('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(current.exits).toEqual([1]);
    expect(current.lines.at(-1)).toMatchObject({ level: 'error', msg: 'shutdown did not finish in time; exiting', timeout_ms: 30 });
  });

  it('exits 1 when closing fails', async () => {
    current = harness(async () => {
      throw new Error('pool stuck');
    });
    await current.shutdown.trigger('SIGTERM');
    expect(current.exits).toEqual([1]);
    expect(current.lines.at(-1)).toMatchObject({ level: 'error', msg: 'shutdown failed', err: { message: 'pool stuck' } });
  });
});
