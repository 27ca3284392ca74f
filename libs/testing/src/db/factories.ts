// Small fixtures for integration tests. Each returns the inserted row (snake_case columns).
import { insertRow, uniqueSuffix, type FactoryDb } from './factory-db';

export interface TenantRow {
  id: string;
  slug: string;
  display_name: string;
  kind: string;
  status: 'active' | 'deactivated';
  retention_days: number;
  rate_limit_per_minute: number;
  llm_provider: string;
}

export interface TenantUserRow {
  id: string;
  tenant_id: string;
  email: string;
  role: 'tenant_admin' | 'tenant_agent';
}

export interface ChatSessionRow {
  id: string;
  tenant_id: string;
  status: 'open' | 'closed';
  external_user_id: string | null;
}

export interface ChatMessageRow {
  id: string;
  tenant_id: string;
  session_id: string;
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

export interface KnowledgeDocumentRow {
  id: string;
  tenant_id: string;
  title: string;
}

export interface KnowledgeChunkRow {
  id: string;
  tenant_id: string;
  document_id: string;
  ordinal: number;
  text: string;
}

type Overrides = Record<string, unknown>;

export async function createTenant(db: FactoryDb, overrides: Overrides = {}): Promise<TenantRow> {
  const suffix = uniqueSuffix();
  return insertRow<TenantRow>(db, 'tenants', { slug: `tenant-${suffix}`, display_name: `Tenant ${suffix}`, kind: 'plumber', ...overrides });
}

/** A tenant user; `password_hash` defaults to a placeholder that no password verifies against. */
export async function createTenantUser(db: FactoryDb, tenantId: string, overrides: Overrides = {}): Promise<TenantUserRow> {
  return insertRow<TenantUserRow>(db, 'tenant_users', {
    tenant_id: tenantId,
    email: `user-${uniqueSuffix()}@example.test`,
    password_hash: '!unusable',
    role: 'tenant_admin',
    ...overrides,
  });
}

export async function createPlatformUser(db: FactoryDb, overrides: Overrides = {}): Promise<{ id: string; email: string }> {
  return insertRow(db, 'platform_users', { email: `owner-${uniqueSuffix()}@example.test`, password_hash: '!unusable', ...overrides });
}

export async function createApiKey(
  db: FactoryDb,
  tenantId: string,
  overrides: Overrides = {},
): Promise<{ id: string; prefix: string; tenant_id: string }> {
  return insertRow(db, 'api_keys', { tenant_id: tenantId, prefix: `pk${uniqueSuffix()}`, key_hash: '!unusable', ...overrides });
}

export async function createChatSession(db: FactoryDb, tenantId: string, overrides: Overrides = {}): Promise<ChatSessionRow> {
  return insertRow<ChatSessionRow>(db, 'chat_sessions', {
    tenant_id: tenantId,
    external_user_id: `visitor-${uniqueSuffix()}`,
    ...overrides,
  });
}

export async function createChatMessage(
  db: FactoryDb,
  session: { id: string; tenant_id: string },
  overrides: Overrides = {},
): Promise<ChatMessageRow> {
  return insertRow<ChatMessageRow>(db, 'chat_messages', {
    tenant_id: session.tenant_id,
    session_id: session.id,
    role: 'user',
    content: 'Hello there',
    ...overrides,
  });
}

export async function createKnowledgeDocument(db: FactoryDb, tenantId: string, overrides: Overrides = {}): Promise<KnowledgeDocumentRow> {
  const suffix = uniqueSuffix();
  return insertRow<KnowledgeDocumentRow>(db, 'knowledge_documents', {
    tenant_id: tenantId,
    title: `Doc ${suffix}`,
    content_hash: `sha256-${suffix}`,
    status: 'ready',
    ...overrides,
  });
}

export async function createKnowledgeChunk(
  db: FactoryDb,
  document: { id: string; tenant_id: string },
  text: string,
  overrides: Overrides = {},
): Promise<KnowledgeChunkRow> {
  return insertRow<KnowledgeChunkRow>(db, 'knowledge_chunks', {
    tenant_id: document.tenant_id,
    document_id: document.id,
    ordinal: 0,
    text,
    ...overrides,
  });
}
