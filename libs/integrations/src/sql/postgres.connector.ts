import { Pool, type DatabaseError } from 'pg';
import type { BuiltinToolKey, IntegrationDefinition, ToolArgs, ToolResult } from '@parley/contracts';
import { IntegrationCallError, type Connector, type ConnectorCallOptions } from '../connector.types';
import { MAX_CALL_TIMEOUT_MS } from '../http/guarded-http.transport';
import type { HostResolver } from '../http/target-url.guard';
import { endpointsServe } from '../mapping/endpoint-choice.util';
import { callSqlEndpoint, type SqlRow } from './sql-endpoint.util';
import { bindNamedPlaceholders, limitedSelect } from './sql-statement.util';
import { resolveSqlTarget, type SqlTarget } from './sql-target.util';

export interface SqlConnectorOptions {
  /** Private, loopback and link-local database hosts: tests and the local demo only. Default false. */
  allowPrivateTargets?: boolean;
  /** Connections per integration (default 2). */
  poolSize?: number;
  /** An idle connection is closed after this long (default 30 s). */
  idleTimeoutMs?: number;
  /** Tests may resolve names without DNS. */
  resolve?: HostResolver;
}

const CONNECT_TIMEOUT_MS = 3000;

/**
 * A tenant's PostgreSQL, read-only: each endpoint's SELECT runs in a READ ONLY transaction with
 * a statement timeout, its `:name` placeholders bound as parameters, at most maxRows rows. One
 * small pool per integration, replaced when its settings (or its host's vetted address) change.
 */
export class PostgresConnector implements Connector {
  readonly kind = 'postgres' as const;
  private readonly pools = new Map<string, { fingerprint: string; pool: Pool }>();

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
      const bound = bindNamedPlaceholders(endpoint.sql, values, 'postgres');
      return this.readOnly(
        integration,
        Math.min(endpoint.timeoutMs, MAX_CALL_TIMEOUT_MS),
        limitedSelect(bound.text, endpoint.maxRows + 1),
        bound.values,
      );
    });
  }

  async probe(integration: IntegrationDefinition): Promise<string> {
    await this.readOnly(integration, MAX_CALL_TIMEOUT_MS, 'SELECT 1 AS ok', []);
    const url = new URL(integration.baseUrl);
    return `reached the database ${url.pathname.replace(/^\//, '')} on ${url.host}`;
  }

  /** Closes every pool (shutdown). */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map(({ pool }) => pool.end()));
  }

  private async readOnly(integration: IntegrationDefinition, timeoutMs: number, text: string, values: unknown[]): Promise<SqlRow[]> {
    const target = await resolveSqlTarget(integration, 5432, this.options.allowPrivateTargets ?? false, this.options.resolve);
    const pool = this.poolFor(integration.id, target);
    let client;
    try {
      client = await pool.connect();
    } catch (error) {
      throw classify(error);
    }
    let broken = false;
    try {
      await client.query('BEGIN READ ONLY');
      // A whole number of milliseconds of our own, never a tenant's text.
      await client.query(`SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`);
      const result = await client.query<SqlRow>(text, values);
      await client.query('COMMIT');
      return result.rows;
    } catch (error) {
      // A SQL error leaves a usable connection once rolled back; anything else (a dropped socket) does not.
      broken = !isSqlState((error as { code?: unknown }).code);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw classify(error);
    } finally {
      client.release(broken);
    }
  }

  private poolFor(integrationId: string, target: SqlTarget): Pool {
    const existing = this.pools.get(integrationId);
    if (existing?.fingerprint === target.fingerprint) return existing.pool;
    if (existing) void existing.pool.end().catch(() => undefined);
    const pool = new Pool({
      host: target.address,
      port: target.port,
      database: target.database,
      user: target.user,
      password: target.password,
      ssl: target.ssl ? { servername: target.hostname, rejectUnauthorized: true } : false,
      max: this.options.poolSize ?? 2,
      idleTimeoutMillis: this.options.idleTimeoutMs ?? 30_000,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      allowExitOnIdle: true,
      application_name: 'parley-integrations',
    });
    // An idle connection the server drops must not crash the process; the next call reconnects.
    pool.on('error', () => undefined);
    this.pools.set(integrationId, { fingerprint: target.fingerprint, pool });
    return pool;
  }
}

function isSqlState(code: unknown): boolean {
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** SQLSTATEs and socket codes in plain words; the driver's message is not passed on (it may quote values). */
function classify(error: unknown): IntegrationCallError {
  if (error instanceof IntegrationCallError) return error;
  const { code, message } = error as Partial<DatabaseError> & { message?: string };
  switch (code) {
    case '28P01':
    case '28000':
      return new IntegrationCallError('upstream_error', 'the credentials were refused');
    case '3D000':
      return new IntegrationCallError('upstream_error', 'the database does not exist');
    case '57014':
      return new IntegrationCallError('timeout', 'the query ran past its time limit');
    case '25006':
      return new IntegrationCallError('upstream_error', 'refused: the query tried to write, and a SQL source is read-only');
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return new IntegrationCallError('unavailable', `could not reach the database (${code})`);
  }
  if (isSqlState(code)) return new IntegrationCallError('upstream_error', `the query failed (SQLSTATE ${code})`);
  if (typeof message === 'string' && /timeout/i.test(message))
    return new IntegrationCallError('unavailable', 'could not connect to the database in time');
  return new IntegrationCallError('unavailable', `could not reach the database (${code ?? 'connection error'})`);
}
