import { context, trace } from '@opentelemetry/api';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { poolOf, type AppPool } from '../client/prisma-client.factory';
import type { TenantTx } from '../client/prisma.types';
import { busyOr } from '../errors/database-busy.error';
import { assertTenantId } from './tenant-id.util';

export interface TenantTxOptions {
  /** Max time the whole transaction may take, in ms (Prisma default 5000). */
  timeoutMs?: number;
  /**
   * Max time to wait for a pooled connection, in ms: by default as long as the pool itself waits
   * (its connectionTimeoutMillis, 5000 unless the service sets it), not Prisma's 2000, so a burst
   * of load queues for a connection instead of failing early.
   */
  maxWaitMs?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

export interface StatementOptions {
  /**
   * The statement writes (and may wait on row locks): it runs on the writes' own companion pool,
   * so reads never queue behind it for a connection. Same transaction and guarantees either way.
   */
  write?: boolean;
}

/**
 * Tenant-scoped transactions: the only way services touch tenant-owned rows.
 *
 * run() opens an interactive transaction, sets `app.tenant_id` with set_config(..., true) —
 * transaction-local, so the pooled connection forgets it at COMMIT/ROLLBACK and the next user
 * of that connection starts with no tenant — then calls `fn`. RLS policies on every
 * tenant-owned table compare tenant_id to that setting.
 *
 * When the database has no room in time (no connection within the wait, a statement cancelled by
 * its statement_timeout, too many connections), run(), batch() and statement() reject with a
 * DatabaseBusyError (code UNAVAILABLE: a 503 at the gateway, a retry for consumers), never an
 * opaque internal error.
 */
export class TenantDb {
  private readonly pool: AppPool | undefined;
  private readonly maxWaitMs: number;

  constructor(private readonly prisma: PrismaClient) {
    this.pool = poolOf(prisma);
    this.maxWaitMs = this.pool?.options.connectionTimeoutMillis || DEFAULT_MAX_WAIT_MS;
  }

  async run<T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>, opts: TenantTxOptions = {}): Promise<T> {
    assertTenantId(tenantId);
    // Prisma's own steps (the pool's connect, BEGIN, set_config, COMMIT) run without the caller's span, `fn` with it (see UNTRACED).
    const caller = context.active();
    try {
      return await context.with(trace.deleteSpan(caller), () =>
        this.prisma.$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
            return context.with(caller, () => fn(tx));
          },
          { timeout: opts.timeoutMs, maxWait: opts.maxWaitMs ?? this.maxWaitMs, isolationLevel: opts.isolationLevel },
        ),
      );
    } catch (error) {
      throw busyOr(error);
    }
  }

  /**
   * A fixed list of statements in one transaction, tenant set first: Prisma's batch
   * transaction (BEGIN, set_config, the statements, COMMIT on one connection), without the
   * interactive transaction's per-statement round trips through the client. For hot paths whose
   * statements do not depend on each other's results. `build` receives the base client: the
   * statements it returns must be unawaited queries of that client.
   */
  async batch<T extends readonly unknown[]>(
    tenantId: string,
    build: (db: PrismaClient) => { [K in keyof T]: Prisma.PrismaPromise<T[K]> },
    opts: TenantTxOptions = {},
  ): Promise<T> {
    assertTenantId(tenantId);
    const statements = build(this.prisma) as unknown as Prisma.PrismaPromise<unknown>[];
    try {
      const results = await this.prisma.$transaction(
        [this.prisma.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`, ...statements],
        { timeout: opts.timeoutMs, maxWait: opts.maxWaitMs ?? this.maxWaitMs, isolationLevel: opts.isolationLevel },
      );
      return results.slice(1) as unknown as T;
    } catch (error) {
      throw busyOr(error);
    }
  }

  /**
   * One statement in a transaction of its own with the tenant set, straight through node-postgres
   * (a companion pool of the client, see AppPool; `opts.write` picks the writes' one), for the
   * hot path's reads and writes: BEGIN,
   * set_config('app.tenant_id', $1, true), the statement, COMMIT on one connection, so RLS
   * applies exactly as in run(). The four are pipelined (sent together, answered in order: one
   * round trip); if BEGIN or set_config fails, the statement runs in an aborted transaction or
   * without a tenant and sees nothing, and the call fails. Both statements are named prepared
   * statements (parsed and planned once per connection, the name derived from the text), so
   * `statement.text` must be fixed SQL with $n placeholders for every value (e.g. a Prisma.sql
   * template's `text` and `values`), never text built from input. Rows come back as node-postgres
   * parses them (json columns parsed, uuid and numeric as strings, bigint as a string). Needs a
   * client from createPrismaClient() or PrismaService.
   *
   * A write is durable when this resolves: the rows come back only after PostgreSQL answered the
   * COMMIT itself (an ordinary commit: synchronous_commit as the server is configured), and any
   * failure (a constraint, RLS's WITH CHECK, the COMMIT) rejects with nothing of the statement kept.
   */
  async statement<R>(tenantId: string, statement: { text: string; values: readonly unknown[] }, opts: StatementOptions = {}): Promise<R[]> {
    assertTenantId(tenantId);
    if (!this.pool) throw new Error('TenantDb.statement() needs a client from createPrismaClient() or PrismaService');
    const client = await (opts.write ? this.pool.writes : this.pool.statements).connect().catch((error: unknown) => {
      throw busyOr(error);
    });
    let broken: Error | undefined;
    try {
      // The four go out in one socket write (node-postgres writes each message as it is queued).
      const socket = socketOf(client);
      socket?.cork();
      let sent: Promise<PromiseSettledResult<pg.QueryResult>[]>;
      try {
        sent = Promise.allSettled([
          // BEGIN and set_config without a span each (see UNTRACED): the statement and the COMMIT keep theirs.
          ...context.with(trace.deleteSpan(context.active()), () => [
            client.query('BEGIN'),
            client.query({ name: SET_TENANT.name, text: SET_TENANT.text, values: [tenantId] }),
          ]),
          client.query({ name: preparedName(statement.text), text: statement.text, values: [...statement.values] }),
          // After a failure above this ends the aborted transaction (PostgreSQL answers ROLLBACK).
          client.query('COMMIT'),
        ]);
      } finally {
        socket?.uncork();
      }
      const [begin, setTenant, read, commit] = await sent;
      // A connection whose transaction may still be open is not reused.
      if (commit.status === 'rejected') broken = commit.reason as Error;
      for (const step of [begin, setTenant, read, commit]) if (step.status === 'rejected') throw busyOr(step.reason);
      // PostgreSQL answers COMMIT with ROLLBACK when the transaction had failed: never a success.
      const ended = (commit as PromiseFulfilledResult<pg.QueryResult>).value.command;
      if (ended !== 'COMMIT') throw new Error(`the statement's transaction ended with ${ended}, not COMMIT`);
      return (read as PromiseFulfilledResult<pg.QueryResult>).value.rows as R[];
    } finally {
      client.release(broken);
    }
  }

  /**
   * A tenant transaction straight through node-postgres, for consumers' hot batch paths whose
   * statements depend on each other's results: BEGIN and set_config('app.tenant_id', $1, true)
   * (pipelined, one round trip), then `fn`'s statements on the same pooled connection (the writes'
   * companion pool: a batch may wait on row locks), COMMIT; ROLLBACK when `fn` or a statement
   * fails, and the connection always released (discarded when its transaction may still be open).
   * RLS applies exactly as in run(); the setting ends with the transaction. Statements are named
   * prepared statements like statement()'s, so their text must be fixed SQL with $n placeholders
   * for every value. Rows come back as node-postgres parses them (json parsed, uuid and numeric as
   * strings, bigint and count(*) as strings, timestamptz as Date): repositories map them. A
   * failure for load rejects with a DatabaseBusyError, as run() does; `fn`'s own errors unchanged.
   */
  async transaction<T>(tenantId: string, fn: (tx: PgTx) => Promise<T>): Promise<T> {
    assertTenantId(tenantId);
    if (!this.pool) throw new Error('TenantDb.transaction() needs a client from createPrismaClient() or PrismaService');
    const client = await this.pool.writes.connect().catch((error: unknown) => {
      throw busyOr(error);
    });
    let broken: Error | undefined;
    try {
      // BEGIN and set_config without a span each (see UNTRACED): fn's statements and the COMMIT keep theirs.
      const opened = context.with(trace.deleteSpan(context.active()), () =>
        Promise.allSettled([client.query('BEGIN'), client.query({ name: SET_TENANT.name, text: SET_TENANT.text, values: [tenantId] })]),
      );
      let result: T;
      try {
        // Unwrapped here: the catch below makes it a DatabaseBusyError when it is one (once).
        for (const step of await opened) if (step.status === 'rejected') throw step.reason;
        result = await fn({
          query: async <R>(text: string, values: readonly unknown[] = []) =>
            (await client.query({ name: preparedName(text), text, values: [...values] })).rows as R[],
        });
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken = rollback as Error;
        });
        throw busyOr(error);
      }
      const commit = await client.query('COMMIT').catch((error: unknown) => {
        broken = error as Error;
        throw busyOr(error);
      });
      // PostgreSQL answers COMMIT with ROLLBACK when the transaction had failed: never a success.
      if (commit.command !== 'COMMIT') throw new Error(`the transaction ended with ${commit.command}, not COMMIT`);
      return result;
    } finally {
      client.release(broken);
    }
  }
}

/** A statement of a TenantDb.transaction(): parameterised, fixed text; rows as node-postgres parses them. */
export interface PgTx {
  query<R>(text: string, values?: readonly unknown[]): Promise<R[]>;
}

/**
 * The socket under a node-postgres client (`client.connection.stream`, not part of its typed API),
 * or undefined when this version of pg has none: then the messages go out as pg writes them.
 */
function socketOf(client: pg.PoolClient): { cork(): void; uncork(): void } | undefined {
  const stream = (client as unknown as { connection?: { stream?: { cork?: unknown; uncork?: unknown } } }).connection?.stream;
  return stream && typeof stream.cork === 'function' && typeof stream.uncork === 'function'
    ? (stream as { cork(): void; uncork(): void })
    : undefined;
}

/*
 * UNTRACED: OpenTelemetry's pg instrumentation (libs/observability starts it with requireParentSpan)
 * makes a span for every query, and for every pool connect, that has an active span to hang under.
 * The transaction's own steps would be spans that say nothing the caller's statements do not, at a
 * span's cost each, so they are issued in a context without the active span and the instrumentation
 * skips them:
 *  - statement(): BEGIN and set_config (pipelined with the statement, answered before it); the
 *    pool's connect span, the statement's span and the COMMIT's span (the commit's wait for the WAL
 *    flush) stay;
 *  - run(): Prisma's connect, BEGIN, set_config and COMMIT (Prisma issues them from the context
 *    $transaction() was called in); every statement `fn` sends keeps its span under the caller's.
 *    A run()'s wait for a connection and its commit show as gaps in the caller's span.
 */

/** The connection wait when the client's pool does not say (node-postgres pools made elsewhere). */
const DEFAULT_MAX_WAIT_MS = 5000;

const SET_TENANT = { name: 'parley_set_tenant', text: `SELECT set_config('app.tenant_id', $1, true)` };
const names = new Map<string, string>();

/** A prepared statement's name: the same for the same text (node-postgres refuses one name for two texts on a connection). */
function preparedName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `parley_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= 1000) names.clear();
    names.set(text, name);
  }
  return name;
}
