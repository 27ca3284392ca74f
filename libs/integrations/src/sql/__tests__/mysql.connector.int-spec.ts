import Redis from 'ioredis';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import type { IntegrationDefinition } from '@parley/contracts';
import { noSignal, sqlIntegration } from '../../__tests__/integration.fixture';
import { randomSuffix, testServices } from '../../__tests__/test-services';
import { ConnectorRegistry } from '../../executor/connector.registry';
import { IntegrationExecutor } from '../../integration.executor';
import { MysqlConnector } from '../mysql.connector';

// A scratch database and user of their own on the machine's MariaDB (or MySQL), created and
// dropped here. The user may write: only the READ ONLY transaction keeps endpoints from writing.

const PASSWORD = 'my_SECRET_77d2_never_in_errors';

describe('MysqlConnector', () => {
  const services = testServices(process.env);
  const database = `parley_it_sql_${randomSuffix()}`;
  const user = database.slice(0, 32);
  const prefix = `parley:test:${services.runId}:integrations-mysql:${randomSuffix()}:`;
  const server = new URL(services.mysqlUrl);
  const host = server.host;
  const baseUrl = `mysql://${host}/${database}`;
  let admin: Connection;
  let redis: Redis;
  const connector = new MysqlConnector({ allowPrivateTargets: true });
  let executor: IntegrationExecutor;
  let source: IntegrationDefinition;

  beforeAll(async () => {
    admin = await createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
      multipleStatements: true,
    });
    await admin.query(`CREATE DATABASE \`${database}\``);
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${PASSWORD}'`);
    await admin.query(`CREATE USER '${user}'@'localhost' IDENTIFIED BY '${PASSWORD}'`);
    await admin.query(`GRANT ALL ON \`${database}\`.* TO '${user}'@'%'`);
    await admin.query(`GRANT ALL ON \`${database}\`.* TO '${user}'@'localhost'`);
    await admin.query(`
      USE \`${database}\`;
      CREATE TABLE products (id int PRIMARY KEY, title varchar(100), sku varchar(50), price decimal(10,2), stock int);
      INSERT INTO products VALUES (1, 'Blue mug', 'MUG-B', 12.50, 3), (2, 'Red mug', 'MUG-R', 9.90, 0), (3, 'Green mug', NULL, 11, NULL);
      CREATE TABLE shipments (order_number varchar(20), email varchar(100), carrier varchar(20), tracking varchar(40), state varchar(20));
      INSERT INTO shipments VALUES ('1001', 'ann@example.com', 'DHL', 'JD0001', 'in transit'), ('1001', 'ann@example.com', 'DHL', 'JD0002', 'delivered');
      CREATE TABLE audit (note varchar(20));
      CREATE FUNCTION sneaky_write() RETURNS int MODIFIES SQL DATA BEGIN INSERT INTO audit VALUES ('written'); RETURN 1; END;
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
      'mysql',
      baseUrl,
      [
        {
          name: 'search',
          serves: 'product_search',
          sql: "SELECT id, title, sku, price, stock FROM products WHERE title LIKE CONCAT('%', :query, '%') ORDER BY id",
          maxRows: 2,
          response: { fields: { quantity: 'stock' } },
        },
        {
          name: 'tracking',
          serves: 'shipment_tracking',
          sql: 'SELECT order_number, email, carrier, tracking AS trackingNumber, state AS status FROM shipments WHERE order_number = :order_number ORDER BY tracking',
        },
        { name: 'write', sql: 'SELECT sneaky_write() AS x' },
        { name: 'sleepy', sql: 'SELECT SLEEP(3) AS s', timeoutMs: 200 },
        { name: 'echo', sql: 'SELECT :a AS a, :b AS b, :a AS again' },
      ],
      { username: user, password: PASSWORD },
    );
  });

  afterAll(async () => {
    executor.shutdown();
    await connector.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await admin.query(`DROP USER IF EXISTS '${user}'@'localhost'`);
    await admin.end();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const run = (toolKey: Parameters<IntegrationExecutor['execute']>[1], args: unknown, target = source) =>
    executor.execute(target, toolKey, args, { signal: noSignal(), settings: {} });

  it('binds the search text as a parameter, maps the rows and cuts at maxRows', async () => {
    expect(await run('product_search', { query: 'mug' })).toMatchObject({
      ok: true,
      result: {
        products: [
          { id: '1', title: 'Blue mug', sku: 'MUG-B', price: '12.50', quantity: 3, available: true },
          { id: '2', title: 'Red mug', price: '9.90', quantity: 0, available: false },
        ],
      },
    });
    expect(await run('product_search', { query: "' OR 1=1 -- " })).toMatchObject({ ok: true, result: { products: [] } });
  });

  it('binds a repeated placeholder once per occurrence', async () => {
    expect(await run('call_endpoint', { endpoint: 'echo', params: { a: 'x', b: 2 } })).toMatchObject({
      ok: true,
      result: { data: [{ a: 'x', b: 2, again: 'x' }] },
    });
  });

  it('tracks shipments only for the email the order was placed with', async () => {
    expect(await run('shipment_tracking', { order_number: '1001', email: 'ann@example.com' })).toEqual({
      ok: true,
      cacheHit: false,
      latencyMs: expect.any(Number),
      result: {
        orderNumber: '1001',
        shipments: [
          { carrier: 'DHL', trackingNumber: 'JD0001', url: null, status: 'in transit' },
          { carrier: 'DHL', trackingNumber: 'JD0002', url: null, status: 'delivered' },
        ],
      },
    });
    expect(await run('shipment_tracking', { order_number: '1001', email: 'eve@example.com' })).toMatchObject({
      ok: true,
      result: { orderNumber: null, shipments: [] },
    });
  });

  it('never writes, even through a function that modifies data', async () => {
    expect(await run('call_endpoint', { endpoint: 'write' })).toMatchObject({
      ok: false,
      failure: 'upstream_error',
      detail: 'refused: the query tried to write, and a SQL source is read-only',
    });
    const [rows] = await admin.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${database}\`.audit`);
    expect(Number(rows[0]['n'])).toBe(0);
  });

  it('stops a statement at its time limit (MariaDB max_statement_time, MySQL MAX_EXECUTION_TIME)', async () => {
    expect(await run('call_endpoint', { endpoint: 'sleepy' })).toMatchObject({ ok: false, failure: 'timeout' });
  });

  it('reports refused credentials without the password', async () => {
    const wrong = sqlIntegration('mysql', baseUrl, [{ name: 'x', sql: 'SELECT 1 AS one' }], {
      username: user,
      password: `${PASSWORD}-wrong`,
    });
    const outcome = await run('call_endpoint', { endpoint: 'x' }, wrong);
    expect(outcome).toMatchObject({ ok: false, failure: 'upstream_error', detail: 'the credentials were refused' });
    const test = await executor.testConnection(wrong);
    expect(test).toMatchObject({ ok: false, detail: 'the credentials were refused' });
    expect(JSON.stringify([outcome, test])).not.toContain(PASSWORD);
  });

  it('refuses a private database host unless private targets are allowed', async () => {
    const strict = new MysqlConnector();
    const guarded = new IntegrationExecutor({ connectors: new ConnectorRegistry([strict]), redis, keyPrefix: `${prefix}strict:` });
    try {
      expect(await guarded.execute(source, 'product_search', { query: 'mug' }, { signal: noSignal(), settings: {} })).toMatchObject({
        ok: false,
        failure: 'refused_target',
      });
    } finally {
      guarded.shutdown();
      await strict.close();
    }
  });

  it('tests the connection with SELECT 1', async () => {
    const result = await executor.testConnection(source);
    expect(result).toMatchObject({ ok: true });
    expect(result.detail).toMatch(new RegExp(`^reached the database ${database} on ${host.replace(/\./g, '\\.')} in \\d+ ms$`));
  });
});
