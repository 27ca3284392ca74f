import { createServer, type Server, type Socket } from 'node:net';
import { RedisClient, type RedisLogger } from '../redis.client';

// Against the run's real Redis (TEST_REDIS_URL); keys live under a per-run prefix and are
// deleted afterwards.

function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run through jest --selectProjects integration (global setup)');
  return url;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function recordingLogger(): RedisLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, log: (m) => void lines.push(`log: ${m}`), warn: (m) => void lines.push(`warn: ${m}`) };
}

describe('RedisClient', () => {
  const prefix = `parley:${process.env.TEST_RUN_ID ?? 'local'}:redis-client:`;
  const clients: RedisClient[] = [];
  const client = (options: Partial<ConstructorParameters<typeof RedisClient>[0]> & { url: string }) => {
    const created = new RedisClient(options);
    clients.push(created);
    return created;
  };

  afterAll(async () => {
    const cleaner = client({ url: redisUrl() });
    const keys = await cleaner.keys(`${prefix}*`);
    if (keys.length > 0) await cleaner.unlink(...keys); // full names: this client has no prefix
    await Promise.all(clients.map((c) => c.onApplicationShutdown()));
  });

  it('passes check() once connected, including right after construction', async () => {
    const redis = client({ url: redisUrl(), keyPrefix: prefix });
    await expect(redis.check()).resolves.toBeUndefined();
  });

  it('passes check() when the event loop was blocked past the PING deadline while the reply arrived', async () => {
    // A busy start-up on a loaded machine: the PING is written, then the loop is blocked for
    // longer than the deadline. Redis answers meanwhile; the reply is read before the timer's
    // rejection, so readiness does not report a healthy Redis as down.
    const redis = client({ url: redisUrl(), pingTimeoutMs: 50 });
    await redis.check();
    const checked = await new Promise<{ settled: Promise<void> }>((resolve) =>
      // From the check phase, like a request handler after the poll: the next turn runs timers first.
      setImmediate(() => {
        const settled = redis.check();
        const blockedUntil = Date.now() + 300;
        while (Date.now() < blockedUntil) {
          // blocking the loop on purpose
        }
        resolve({ settled });
      }),
    );
    await expect(checked.settled).resolves.toBeUndefined();
  });

  it('prefixes every key', async () => {
    const redis = client({ url: redisUrl(), keyPrefix: prefix });
    await redis.set('greeting', 'hello');
    const plain = client({ url: redisUrl() });
    await expect(plain.get(`${prefix}greeting`)).resolves.toBe('hello');
    await expect(plain.get('greeting')).resolves.toBeNull();
  });

  it('fails check() with the connection error when Redis is unreachable, and logs it once', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const logger = recordingLogger();
    const redis = client({ url: `redis://127.0.0.1:${port}`, pingTimeoutMs: 300, logger });
    await expect(redis.check()).rejects.toThrow(new RegExp(`^not connected \\(\\w+: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`));
    await new Promise((resolve) => setTimeout(resolve, 700)); // a few reconnect attempts
    expect(logger.lines).toEqual([`warn: redis error: connect ECONNREFUSED 127.0.0.1:${port}`]);
  });

  it('fails check() within the timeout when Redis accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const hung = createServer((socket) => void sockets.push(socket));
    const port = await listen(hung);
    try {
      const redis = client({ url: `redis://127.0.0.1:${port}`, pingTimeoutMs: 200 });
      const started = Date.now();
      await expect(redis.check()).rejects.toThrow(/^not connected \(connect\)$/);
      expect(Date.now() - started).toBeLessThan(1000);
      redis.disconnect();
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it('quits on application shutdown, and twice is harmless', async () => {
    const redis = client({ url: redisUrl() });
    await redis.check();
    await redis.onApplicationShutdown();
    expect(redis.status).toBe('end');
    await expect(redis.onApplicationShutdown()).resolves.toBeUndefined();
    await expect(redis.check()).rejects.toThrow('not connected (end)');
  });

  it('does not hang shutdown on a server that ignores QUIT', async () => {
    const sockets: Socket[] = [];
    // Answers the connection handshake (CLIENT SETINFO, the INFO ready check), ignores QUIT.
    const mute = createServer((socket) => {
      sockets.push(socket);
      socket.on('data', (data: Buffer) => {
        for (const [command] of data.toString().matchAll(/\r\n(CLIENT|INFO|QUIT)\r\n/gi)) {
          if (/CLIENT/i.test(command)) socket.write('+OK\r\n');
          if (/INFO/i.test(command)) socket.write('$21\r\n# Server\r\nloading:0\r\n\r\n');
        }
      });
    });
    const port = await listen(mute);
    try {
      const redis = client({ url: `redis://127.0.0.1:${port}`, quitTimeoutMs: 200 });
      await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
      const started = Date.now();
      await redis.onApplicationShutdown();
      expect(Date.now() - started).toBeLessThan(1000);
      expect(redis.status).toBe('end');
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => mute.close(resolve));
    }
  });
});
