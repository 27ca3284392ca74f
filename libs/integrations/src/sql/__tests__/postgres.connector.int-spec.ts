import Redis from 'ioredis';
import pg from 'pg';
import type { IntegrationDefinition } from '@parley/contracts';
import { noSignal, sqlIntegration } from '../../__tests__/integration.fixture';
import { randomSuffix, testServices, withDatabase } from '../../__tests__/test-services';
import { ConnectorRegistry } from '../../executor/connector.registry';
import { IntegrationExecutor } from '../../integration.executor';
import { PostgresConnector } from '../postgres.connector';

// A scratch database of its own on the machine's PostgreSQL, created and dropped here, and a
// login role that may write to it: only the READ ONLY transaction keeps endpoints from writing.

const PASSWORD = 'pg_SECRET_c4f1_never_in_errors';

describe('PostgresConnector', () => {
  const services = testServices(process.env);
  const database = `parley_it_sql_${randomSuffix()}`;
  const role = `${database}_user`;
  const prefix = `parley:test:${services.runId}:integrations-pg:${randomSuffix()}:`;
  // The integration connects over TCP with the role's password, as a tenant's database is reached.
  const baseUrl = `postgres://${services.postgresTcpHost}/${database}`;
  let admin: pg.Client;
  let scratch: pg.Client;
  let redis: Redis;
  const connector = new PostgresConnector({ allowPrivateTargets: true });
  let executor: IntegrationExecutor;
  let source: IntegrationDefinition;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: services.superuserUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}'`);
    scratch = new pg.Client({ connectionString: withDatabase(services.superuserUrl, database) });
    await scratch.connect();
    await scratch.query(`
      CREATE TABLE products (id int PRIMARY KEY, title text, sku text, price numeric(10,2), stock int);
      INSERT INTO products VALUES (1, 'Blue mug', 'MUG-B', 12.50, 3), (2, 'Red mug', 'MUG-R', 9.90, 0), (3, 'Green mug', NULL, 11, NULL);
      CREATE TABLE orders (number text PRIMARY KEY, email text, phone text, state text, total numeric(10,2), placed_at timestamptz);
      INSERT INTO orders VALUES ('1001', 'ann@example.com', '+43 660 1234567', 'completed', 40, '2026-11-30T10:00:00Z');
      CREATE TABLE opening_hours (day int, opens time, closes time);
      INSERT INTO opening_hours VALUES (1, '09:00', '17:30'), (6, '10:00', '14:00');
      CREATE TABLE audit (note text);
      CREATE FUNCTION sneaky_write() RETURNS int LANGUAGE sql AS $$ INSERT INTO audit VALUES ('written') RETURNING 1 $$;
      GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role};
    `);
    redis = new Redis(services.redisUrl, { maxRetriesPerRequest: 1 });
    await redis.ping();
    executor = new IntegrationExecutor({
      connectors: new ConnectorRegistry([connector]),
      redis,
      keyPrefix: prefix,
      rateLimit: { points: 1000, durationSeconds: 1 },
    });
    source = sqlIntegration(
      'postgres',
      baseUrl,
      [
        {
          name: 'search',
          serves: 'product_search',
          sql: 'SELECT id, title, sku, price, stock FROM products WHERE title ILIKE :query ORDER BY id',
          maxRows: 2,
          response: { fields: { quantity: 'stock' } },
        },
        {
          name: 'order',
          serves: 'order_status',
          sql: 'SELECT number AS "orderNumber", email, phone, state, total, placed_at FROM orders WHERE number = :order_number',
          response: { fields: { status: 'state', placedAt: 'placed_at' } },
        },
        {
          name: 'hours',
          serves: 'store_hours',
          sql: 'SELECT day, opens, closes FROM opening_hours ORDER BY day',
          response: { fields: { weekday: 'day' } },
        },
        { name: 'cheap', sql: 'SELECT title, price, price::text AS label FROM products WHERE price < :max ORDER BY id' },
        { name: 'write', sql: 'SELECT sneaky_write() AS x' },
        { name: 'cte_write', sql: "WITH w AS (INSERT INTO audit VALUES ('cte') RETURNING 1) SELECT * FROM w" },
        { name: 'sleepy', sql: 'SELECT pg_sleep(3)', timeoutMs: 200 },
      ],
      { username: role, password: PASSWORD },
    );
  });

  afterAll(async () => {
    executor.shutdown();
    await connector.close();
    await scratch.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const run = (toolKey: Parameters<IntegrationExecutor['execute']>[1], args: unknown, target = source) =>
    executor.execute(target, toolKey, args, { signal: noSignal(), settings: { timezone: 'Europe/Vienna' } });

  it('binds the search text as a parameter, maps the rows and cuts at maxRows', async () => {
    const outcome = await run('product_search', { query: '%mug%' });
    expect(outcome).toMatchObject({
      ok: true,
      result: {
        products: [
          { id: '1', title: 'Blue mug', sku: 'MUG-B', price: '12.50', quantity: 3, available: true },
          { id: '2', title: 'Red mug', price: '9.90', quantity: 0, available: false },
        ],
      },
    });
    expect(await run('product_search', { query: "x' OR '1'='1" })).toMatchObject({ ok: true, result: { products: [] } });
  });

  it('finds an order only with its email or phone', async () => {
    expect(await run('order_status', { order_number: '#1001', email: 'Ann@Example.com' })).toMatchObject({
      ok: true,
      result: {
        order: { orderNumber: '1001', status: 'delivered', shopStatus: 'completed', total: '40.00', placedAt: '2026-11-30T10:00:00.000Z' },
      },
    });
    expect(await run('order_status', { order_number: '1001', phone: '0660 1234567' })).toMatchObject({
      ok: true,
      result: { order: { orderNumber: '1001' } },
    });
    expect(await run('order_status', { order_number: '1001', email: 'eve@example.com' })).toMatchObject({
      ok: true,
      result: { order: null },
    });
  });

  it('maps opening hours from rows of TIME columns', async () => {
    expect(await run('store_hours', {})).toMatchObject({
      ok: true,
      result: {
        timezone: 'Europe/Vienna',
        hours: [
          { weekday: 1, opens: '09:00', closes: '17:30' },
          { weekday: 6, opens: '10:00', closes: '14:00' },
        ],
      },
    });
  });

  it('answers call_endpoint with its rows, and refuses it without its parameters', async () => {
    expect(await run('call_endpoint', { endpoint: 'cheap', params: { max: 12 } })).toMatchObject({
      ok: true,
      result: {
        data: [
          { title: 'Red mug', price: '9.90', label: '9.90' },
          { title: 'Green mug', price: '11.00', label: '11.00' },
        ],
      },
    });
    expect(await run('call_endpoint', { endpoint: 'cheap' })).toMatchObject({ ok: false, failure: 'invalid_arguments' });
  });

  it('never writes, even through a function or a data-modifying WITH', async () => {
    expect(await run('call_endpoint', { endpoint: 'write' })).toMatchObject({
      ok: false,
      failure: 'upstream_error',
      detail: 'refused: the query tried to write, and a SQL source is read-only',
    });
    expect(await run('call_endpoint', { endpoint: 'cte_write' })).toMatchObject({ ok: false, failure: 'upstream_error' });
    expect((await scratch.query('SELECT count(*)::int AS n FROM audit')).rows[0]).toEqual({ n: 0 });
  });

  it('refuses a second statement before sending anything', async () => {
    const crafted = sqlIntegration('postgres', baseUrl, [{ name: 'two', sql: "SELECT 1; UPDATE products SET title = 'x'" }], {
      username: role,
      password: PASSWORD,
    });
    expect(await run('call_endpoint', { endpoint: 'two' }, crafted)).toMatchObject({ ok: false, failure: 'not_configured' });
    expect((await scratch.query("SELECT count(*)::int AS n FROM products WHERE title = 'x'")).rows[0]).toEqual({ n: 0 });
  });

  it('stops a statement at its time limit', async () => {
    expect(await run('call_endpoint', { endpoint: 'sleepy' })).toMatchObject({ ok: false, failure: 'timeout' });
  });

  it('refuses a private database host unless private targets are allowed', async () => {
    const strict = new PostgresConnector();
    const guarded = new IntegrationExecutor({ connectors: new ConnectorRegistry([strict]), redis, keyPrefix: `${prefix}strict:` });
    try {
      const outcome = await guarded.execute(source, 'product_search', { query: 'mug' }, { signal: noSignal(), settings: {} });
      expect(outcome).toMatchObject({ ok: false, failure: 'refused_target' });
      expect(!outcome.ok && outcome.detail).not.toContain(PASSWORD);
      expect(await guarded.testConnection(source)).toMatchObject({ ok: false, failure: 'refused_target' });
    } finally {
      guarded.shutdown();
      await strict.close();
    }
  });

  it('tests the connection with SELECT 1', async () => {
    const result = await executor.testConnection(source);
    expect(result).toMatchObject({ ok: true });
    expect(result.detail).toMatch(
      new RegExp(`^reached the database ${database} on ${services.postgresTcpHost.replace(/\./g, '\\.')} in \\d+ ms$`),
    );
    const missing = sqlIntegration('postgres', `postgres://${services.postgresTcpHost}/${database}_absent`, [], {
      username: role,
      password: PASSWORD,
    });
    expect(await executor.testConnection(missing)).toMatchObject({
      ok: false,
      failure: 'upstream_error',
      detail: 'the database does not exist',
    });
  });
});
