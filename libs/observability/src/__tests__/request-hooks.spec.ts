import Fastify, { type FastifyInstance } from 'fastify';
import { createLogger } from '../logging/logger.factory';
import { ServiceMetrics } from '../metrics/service-metrics';
import { getRequestContext } from '../request-context/request-context.storage';
import { registerRequestHooks } from '../request-context/request-hooks';
import { isValidRequestId, resolveRequestId } from '../request-context/request-id';
import { memoryDestination } from './memory-destination';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it.each([
    ['abc-123', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['', false],
    ['has space', false],
    ['tab\there', false],
    ['line\nbreak', false],
    ['ünïcode', false],
  ])('%j valid: %s', (value, valid) => {
    expect(isValidRequestId(value)).toBe(valid);
  });

  it('keeps a valid header and replaces a missing, invalid or repeated one', () => {
    expect(resolveRequestId('req-42')).toBe('req-42');
    expect(resolveRequestId(undefined)).toMatch(UUID);
    expect(resolveRequestId('x'.repeat(200))).toMatch(UUID);
    expect(resolveRequestId(['a', 'b'])).toMatch(UUID);
    expect(resolveRequestId(undefined)).not.toBe(resolveRequestId(undefined));
  });
});

describe('registerRequestHooks', () => {
  let app: FastifyInstance;
  let out: ReturnType<typeof memoryDestination>;
  let metrics: ServiceMetrics;
  let shuttingDown: boolean;

  beforeEach(async () => {
    out = memoryDestination();
    metrics = new ServiceMetrics('test');
    shuttingDown = false;
    const logger = createLogger({ service: 'test', level: 'debug', destination: out });
    app = Fastify();
    registerRequestHooks(app, { logger, metrics, isShuttingDown: () => shuttingDown });
    app.get('/items/:id', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info('handling');
      return { requestId: getRequestContext()?.requestId };
    });
    app.get('/boom', async () => {
      throw new Error('kaput');
    });
    app.get('/health/live', async () => ({ status: 'ok' }));
    app.get('/health/ready', async (_request, reply) => reply.code(503).send({ status: 'error' }));
    await app.ready();
  });

  afterEach(() => app.close());

  it('echoes a valid x-request-id and exposes it to the handler and its logs', async () => {
    const res = await app.inject({ url: '/items/7?secret=1', headers: { 'x-request-id': 'req-abc' } });
    expect(res.headers['x-request-id']).toBe('req-abc');
    expect(res.json()).toEqual({ requestId: 'req-abc' });
    const handling = out.lines.find((l) => l.msg === 'handling');
    expect(handling).toMatchObject({ request_id: 'req-abc', service: 'test' });
  });

  it('generates an id when the header is absent or invalid', async () => {
    const absent = await app.inject({ url: '/items/1' });
    const invalid = await app.inject({ url: '/items/1', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(absent.headers['x-request-id']).toMatch(UUID);
    expect(invalid.headers['x-request-id']).toMatch(UUID);
    expect(invalid.json()).toEqual({ requestId: invalid.headers['x-request-id'] });
  });

  it('sets the id on unmatched routes and errors too', async () => {
    const notFound = await app.inject({ url: '/nope', headers: { 'x-request-id': 'r-404' } });
    const failed = await app.inject({ url: '/boom', headers: { 'x-request-id': 'r-500' } });
    expect([notFound.statusCode, notFound.headers['x-request-id']]).toEqual([404, 'r-404']);
    expect([failed.statusCode, failed.headers['x-request-id']]).toEqual([500, 'r-500']);
  });

  it('logs one access line per request with route, status and duration but no query string', async () => {
    await app.inject({ url: '/items/7?secret=1', headers: { 'x-request-id': 'req-log' } });
    const access = out.lines.filter((l) => l.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 'info',
      request_id: 'req-log',
      method: 'GET',
      route: '/items/:id',
      path: '/items/7',
      status: 200,
    });
    expect(typeof access[0].duration_ms).toBe('number');
    expect(JSON.stringify(access[0])).not.toContain('secret');
  });

  it('logs server errors at error and probes at debug, even failing ones', async () => {
    await app.inject({ url: '/boom' });
    await app.inject({ url: '/health/live' });
    await app.inject({ url: '/health/ready' });
    const levels = out.lines.filter((l) => l.msg === 'request completed').map((l) => [l.route, l.status, l.level]);
    expect(levels).toEqual([
      ['/boom', 500, 'error'],
      ['/health/live', 200, 'debug'],
      ['/health/ready', 503, 'debug'],
    ]);
  });

  it('observes the duration histogram by method, route pattern and status', async () => {
    await app.inject({ url: '/items/1' });
    await app.inject({ url: '/items/2' });
    await app.inject({ url: '/nope' });
    const text = (await metrics.render()).body;
    expect(text).toMatch(/http_request_duration_seconds_count\{service="test",method="GET",route="\/items\/:id",status_code="200"\} 2/);
    expect(text).toMatch(/http_request_duration_seconds_count\{service="test",method="GET",route="unmatched",status_code="404"\} 1/);
  });

  it('asks clients to close the connection once shutdown started', async () => {
    expect((await app.inject({ url: '/items/1' })).headers.connection).not.toBe('close');
    shuttingDown = true;
    expect((await app.inject({ url: '/items/1' })).headers.connection).toBe('close');
  });
});
