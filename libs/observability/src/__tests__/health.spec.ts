import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { Readiness } from '../health/readiness';
import { runHealthChecks, type HealthCheck, type ReadinessReport } from '../health/run-health-checks';

const up = (name: string): HealthCheck => ({ name, check: async () => undefined });
const down = (name: string, message: string): HealthCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});
const hanging = (name: string): HealthCheck => ({ name, check: () => new Promise<void>(() => undefined) });

describe('runHealthChecks', () => {
  it('is ok when every check is up', async () => {
    await expect(runHealthChecks([up('postgres'), up('nats'), up('redis')], 100)).resolves.toEqual({
      status: 'ok',
      checks: { postgres: 'up', nats: 'up', redis: 'up' },
    });
  });

  it('names the failing check and its reason', async () => {
    const report = await runHealthChecks([up('postgres'), up('nats'), down('redis', 'connect ECONNREFUSED 127.0.0.1:1')], 100);
    expect(report).toEqual({
      status: 'error',
      checks: { postgres: 'up', nats: 'up', redis: 'down: connect ECONNREFUSED 127.0.0.1:1' },
    });
  });

  it('bounds each check by the timeout and runs them in parallel', async () => {
    const started = Date.now();
    const report = await runHealthChecks([hanging('postgres'), hanging('nats'), up('redis')], 50);
    expect(Date.now() - started).toBeLessThan(500);
    expect(report.checks).toEqual({ postgres: 'down: timed out after 50 ms', nats: 'down: timed out after 50 ms', redis: 'up' });
  });

  it('lets an answer that arrived while the loop was blocked past the deadline win over the timer', async () => {
    // A busy process: the answer is already in the socket's kernel buffer (loopback delivers at
    // once) and the timer has expired by the time the loop turns again; the answer is read first.
    const server = createServer();
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const peer = await accepted;
    try {
      const report = await new Promise<ReadinessReport>((resolve) =>
        // From the check phase, like a request handler after the poll: the next turn runs timers first.
        setImmediate(() => {
          const answered = new Promise<void>((ok) => client.once('data', () => ok()));
          const pending = runHealthChecks([{ name: 'peer', check: () => answered }], 20);
          peer.write('PONG');
          const blockedUntil = Date.now() + 100;
          while (Date.now() < blockedUntil) {
            // blocking the loop on purpose
          }
          resolve(pending);
        }),
      );
      expect(report).toEqual({ status: 'ok', checks: { peer: 'up' } });
    } finally {
      client.destroy();
      peer.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('survives a check that throws synchronously or rejects with a non-Error', async () => {
    const sync: HealthCheck = {
      name: 'sync',
      check: () => {
        throw new Error('boom\n    at somewhere');
      },
    };
    const odd: HealthCheck = { name: 'odd', check: () => Promise.reject('plain string') };
    const report = await runHealthChecks([sync, odd], 50);
    expect(report.checks).toEqual({ sync: 'down: boom', odd: 'down: plain string' });
  });

  it('is ok with no checks', async () => {
    await expect(runHealthChecks([], 50)).resolves.toEqual({ status: 'ok', checks: {} });
  });
});

describe('Readiness', () => {
  it('reports the checks until shutdown starts, then errors without running them', async () => {
    let calls = 0;
    const counted: HealthCheck = { name: 'postgres', check: async () => void calls++ };
    const readiness = new Readiness([counted], 100);
    await expect(readiness.report()).resolves.toEqual({ status: 'ok', checks: { postgres: 'up' } });
    readiness.markShuttingDown();
    expect(readiness.isShuttingDown).toBe(true);
    await expect(readiness.report()).resolves.toEqual({ status: 'error', checks: {}, shutting_down: true });
    expect(calls).toBe(1);
  });

  it('hands every report whose checks ran to onReport', async () => {
    const seen: string[] = [];
    const readiness = new Readiness([up('postgres'), down('redis', 'gone')], 100, (r) => seen.push(JSON.stringify(r.checks)));
    await readiness.report();
    readiness.markShuttingDown();
    await readiness.report();
    expect(seen).toEqual(['{"postgres":"up","redis":"down: gone"}']);
  });

  it('turns a report in flight into an error when shutdown starts meanwhile', async () => {
    let release!: () => void;
    const slow: HealthCheck = { name: 'nats', check: () => new Promise<void>((resolve) => (release = resolve)) };
    const readiness = new Readiness([slow], 1000);
    const pending = readiness.report();
    await new Promise((resolve) => setImmediate(resolve)); // the check has started
    readiness.markShuttingDown();
    release();
    await expect(pending).resolves.toEqual({ status: 'error', checks: { nats: 'up' }, shutting_down: true });
  });
});
