import { createPool, type Pool, type PoolConnection, type RowDataPacket } from 'mysql2/promise';
import type { BuiltinToolKey, IntegrationDefinition, ToolArgs, ToolResult } from '@parley/contracts';
import { IntegrationCallError, type Connector, type ConnectorCallOptions } from '../connector.types';
import { MAX_CALL_TIMEOUT_MS } from '../http/guarded-http.transport';
import { endpointsServe } from '../mapping/endpoint-choice.util';
import type { PlaceholderValue } from '../mapping/placeholder-values.util';
import type { SqlConnectorOptions } from './postgres.connector';
import { callSqlEndpoint, type SqlRow } from './sql-endpoint.util';
import { bindNamedPlaceholders, limitedSelect } from './sql-statement.util';
import { resolveSqlTarget, type SqlTarget } from './sql-target.util';

const CONNECT_TIMEOUT_MS = 3000;

interface PoolEntry {
  fingerprint: string;
  pool: Pool;
  /** MariaDB limits a statement with SET STATEMENT max_statement_time; MySQL with the MAX_EXECUTION_TIME hint. */
  mariadb?: boolean;
}

/**
 * A tenant's MySQL or MariaDB, read-only: each endpoint's SELECT runs as a prepared statement
 * (its `:name` placeholders bound, never spliced) inside START TRANSACTION READ ONLY, with a
 * time limit (MariaDB: `SET STATEMENT max_statement_time=<s> FOR SELECT ...`; MySQL 5.7.8+: the
 * `MAX_EXECUTION_TIME(<ms>)` optimizer hint), at most maxRows rows. One small pool per integration.
 */
export class MysqlConnector implements Connector {
  readonly kind = 'mysql' as const;
  private readonly pools = new Map<string, PoolEntry>();

  constructor(private readonly options: SqlConnectorOptions = {}) {}

  supports(integration: IntegrationDefinition, toolKey: BuiltinToolKey): boolean {
    return endpointsServe(integration.sqlEndpoints, toolKey);
  }

  call<K extends BuiltinToolKey>(
    integration: IntegrationDefinition,
    toolKey: K,
    args: ToolArgs<K>,
    options: ConnectorCallOptions,
  ): Promise<ToolResult<K>> {
    return callSqlEndpoint(integration, toolKey, args, options, async (endpoint, values) => {
      const bound = bindNamedPlaceholders(endpoint.sql, values, 'mysql');
      return this.readOnly(
        integration,
        Math.min(endpoint.timeoutMs, MAX_CALL_TIMEOUT_MS),
        (mariadb, ms) => {
          if (mariadb)
            return `SET STATEMENT max_statement_time=${(ms / 1000).toFixed(3)} FOR ${limitedSelect(bound.text, endpoint.maxRows + 1)}`;
          return limitedSelect(bound.text, endpoint.maxRows + 1, `SELECT /*+ MAX_EXECUTION_TIME(${Math.trunc(ms)}) */`);
        },
        bound.values,
      );
    });
  }

  async probe(integration: IntegrationDefinition): Promise<string> {
    await this.readOnly(integration, MAX_CALL_TIMEOUT_MS, () => 'SELECT 1 AS ok', []);
    const url = new URL(integration.baseUrl);
    return `reached the database ${url.pathname.replace(/^\//, '')} on ${url.host}`;
  }

  /** Closes every pool (shutdown). */
  async close(): Promise<void> {
    const entries = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(entries.map(({ pool }) => pool.end()));
  }

  private async readOnly(
    integration: IntegrationDefinition,
    timeoutMs: number,
    statement: (mariadb: boolean, timeoutMs: number) => string,
    values: PlaceholderValue[],
  ): Promise<SqlRow[]> {
    const target = await resolveSqlTarget(integration, 3306, this.options.allowPrivateTargets ?? false, this.options.resolve);
    const entry = this.poolFor(integration.id, target);
    let connection: PoolConnection;
    try {
      connection = await entry.pool.getConnection();
    } catch (error) {
      throw classify(error);
    }
    try {
      if (entry.mariadb === undefined) {
        const [version] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS v');
        entry.mariadb = /mariadb/i.test(String(version[0]?.['v'] ?? ''));
      }
      await connection.query('START TRANSACTION READ ONLY');
      const [rows] = await connection.execute<RowDataPacket[]>(statement(entry.mariadb, timeoutMs), values);
      await connection.query('COMMIT');
      return rows.map((row) => ({ ...row }));
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw classify(error);
    } finally {
      connection.release();
    }
  }

  private poolFor(integrationId: string, target: SqlTarget): PoolEntry {
    const existing = this.pools.get(integrationId);
    if (existing?.fingerprint === target.fingerprint) return existing;
    if (existing) void existing.pool.end().catch(() => undefined);
    const pool = createPool({
      // With TLS the server's certificate must name the host (mysql2 checks it against `host`), so
      // the name is used; a rebinding to another machine then fails the TLS handshake.
      host: target.ssl ? target.hostname : target.address,
      port: target.port,
      database: target.database,
      user: target.user,
      password: target.password,
      ssl: target.ssl ? { rejectUnauthorized: true } : undefined,
      connectionLimit: this.options.poolSize ?? 2,
      maxIdle: this.options.poolSize ?? 2,
      idleTimeout: this.options.idleTimeoutMs ?? 30_000,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // DECIMAL and BIGINT as strings: money and ids keep every digit.
      decimalNumbers: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    // An idle connection the server drops must not crash the process; the next call reconnects.
    pool.on('connection', (connection) => connection.on('error', () => undefined));
    const entry: PoolEntry = { fingerprint: target.fingerprint, pool };
    this.pools.set(integrationId, entry);
    return entry;
  }
}

/** Server error numbers and socket codes in plain words; the server's message is not passed on (it may quote values). */
function classify(error: unknown): IntegrationCallError {
  if (error instanceof IntegrationCallError) return error;
  const { errno, code } = error as { errno?: number; code?: string };
  switch (errno) {
    case 1045:
      return new IntegrationCallError('upstream_error', 'the credentials were refused');
    case 1044:
    case 1142:
    case 1143:
      return new IntegrationCallError('upstream_error', 'the database user may not read this');
    case 1049:
      return new IntegrationCallError('upstream_error', 'the database does not exist');
    case 1969:
    case 3024:
      return new IntegrationCallError('timeout', 'the query ran past its time limit');
    case 1792:
      return new IntegrationCallError('upstream_error', 'refused: the query tried to write, and a SQL source is read-only');
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return new IntegrationCallError('unavailable', `could not reach the database (${code})`);
  if (code === 'ETIMEDOUT') return new IntegrationCallError('unavailable', 'could not connect to the database in time');
  if (typeof errno === 'number' && errno >= 1000 && errno < 5000)
    return new IntegrationCallError('upstream_error', `the query failed (error ${errno})`);
  return new IntegrationCallError('unavailable', `could not reach the database (${code ?? 'connection error'})`);
}
