// Fixtures for this lib's integration tests. Infra libs may not depend on libs/testing (module
// boundaries), so the few rows these tests need are inserted here, with the owner pool
// (BYPASSRLS) so several tenants can be set up without app.tenant_id.
import type pg from 'pg';

export interface TestDbEnv {
  TEST_DATABASE_URL: string;
  TEST_DATABASE_OWNER_URL: string;
  TEST_DATABASE_ANALYTICS_URL: string;
  TEST_SUPERUSER_URL: string;
  TEST_DATABASE_NAME: string;
}

/** The database variables published by the integration global setup (libs/testing/src/setup). */
export function testDbEnv(env: NodeJS.ProcessEnv): TestDbEnv {
  const keys = [
    'TEST_DATABASE_URL',
    'TEST_DATABASE_OWNER_URL',
    'TEST_DATABASE_ANALYTICS_URL',
    'TEST_SUPERUSER_URL',
    'TEST_DATABASE_NAME',
  ] as const;
  const missing = keys.filter((key) => !env[key]);
  if (missing.length) throw new Error(`${missing.join(', ')} not set: run through jest --selectProjects integration (global setup)`);
  return Object.fromEntries(keys.map((key) => [key, env[key] as string])) as unknown as TestDbEnv;
}

// Unix-socket URLs (postgresql://root@/postgres?host=/var/run/postgresql&port=5432, what set-up
// falls back to when the superuser is reached by peer authentication) have an empty host, which
// the WHATWG URL parser rejects: parse them with a placeholder host and put the empty host back.
const SOCKET_HOST = 'unix-socket.invalid';

/**
 * `url` with another database and/or port, for a TCP URL or a Unix-socket one (whose port is
 * its `port` parameter, the socket file's suffix).
 */
export function pgUrlWith(url: string, change: { database?: string; port?: number }): string {
  const u = new URL(url.replace(/^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)(?=[/?]|$)/, `$1${SOCKET_HOST}`));
  const socket = u.hostname === SOCKET_HOST;
  if (change.database !== undefined) u.pathname = `/${encodeURIComponent(change.database)}`;
  if (change.port !== undefined) {
    if (socket) u.searchParams.set('port', String(change.port));
    else u.port = String(change.port);
  }
  return u.toString().replace(`@${SOCKET_HOST}`, '@').replace(`//${SOCKET_HOST}`, '//');
}

export interface TenantRow {
  id: string;
  slug: string;
  status: string;
}
export interface ChatSessionRow {
  id: string;
  tenant_id: string;
}
export interface KnowledgeDocumentRow {
  id: string;
  tenant_id: string;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function insert<T>(db: pg.Pool, table: string, values: Record<string, unknown>): Promise<T> {
  const columns = Object.keys(values);
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`;
  const { rows } = await db.query(sql, Object.values(values));
  return rows[0] as T;
}

type Overrides = Record<string, unknown>;

export const createTenant = (db: pg.Pool, o: Overrides = {}) =>
  insert<TenantRow>(db, 'tenants', { slug: `t-${unique()}`, display_name: 'Test tenant', ...o });
export const createChatSession = (db: pg.Pool, tenantId: string, o: Overrides = {}) =>
  insert<ChatSessionRow>(db, 'chat_sessions', { tenant_id: tenantId, ...o });
export const createTenantUser = (db: pg.Pool, tenantId: string, o: Overrides = {}) =>
  insert<{ id: string }>(db, 'tenant_users', {
    tenant_id: tenantId,
    email: `u-${unique()}@example.test`,
    password_hash: '!unusable',
    ...o,
  });
export const createPlatformUser = (db: pg.Pool, o: Overrides = {}) =>
  insert<{ id: string }>(db, 'platform_users', { email: `o-${unique()}@example.test`, password_hash: '!unusable', ...o });
export const createApiKey = (db: pg.Pool, tenantId: string, o: Overrides = {}) =>
  insert<{ id: string }>(db, 'api_keys', { tenant_id: tenantId, prefix: `pk${unique()}`, key_hash: '!unusable', ...o });
export const createKnowledgeDocument = (db: pg.Pool, tenantId: string, o: Overrides = {}) =>
  insert<KnowledgeDocumentRow>(db, 'knowledge_documents', { tenant_id: tenantId, title: 'Doc', content_hash: `h-${unique()}`, ...o });
export const createKnowledgeChunk = (db: pg.Pool, doc: KnowledgeDocumentRow, text: string, o: Overrides = {}) =>
  insert<{ id: string }>(db, 'knowledge_chunks', { tenant_id: doc.tenant_id, document_id: doc.id, ordinal: 0, text, ...o });
