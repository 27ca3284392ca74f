import type { PrismaClient } from '@parley/persistence';
import { createTenant } from '@parley/testing';

/** A logger that says nothing. */
export const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
} as never;

export const DAY_MS = 86_400_000;

/**
 * A tenant with one session per UTC day over [first, last] (inclusive, 09:00 UTC), each with
 * four messages: two from the visitor (no model, no tokens) and two answers by
 * openai/gpt-4o-mini (100 tokens in, 50 out each). Written as the owner role, in SQL.
 */
export async function tenantWithDailyChats(owner: PrismaClient, retentionDays: number, first: Date, last: Date): Promise<string> {
  const tenantId = (await createTenant(owner, { retention_days: retentionDays })).id;
  await owner.$executeRaw`
    INSERT INTO chat_sessions (tenant_id, started_at, last_activity_at)
    SELECT ${tenantId}::uuid, d + interval '9 hours', d + interval '9 hours 3 minutes'
      FROM generate_series(${first}::timestamptz, ${last}::timestamptz, interval '1 day') d`;
  await owner.$executeRaw`
    INSERT INTO chat_messages (tenant_id, session_id, role, content, tokens_in, tokens_out, provider, model, created_at)
    SELECT s.tenant_id, s.id,
           (CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END)::message_role,
           'message ' || i,
           CASE WHEN i % 2 = 0 THEN 0 ELSE 100 END, CASE WHEN i % 2 = 0 THEN 0 ELSE 50 END,
           CASE WHEN i % 2 = 0 THEN NULL ELSE 'openai' END, CASE WHEN i % 2 = 0 THEN NULL ELSE 'gpt-4o-mini' END,
           s.started_at + i * interval '1 minute'
      FROM chat_sessions s CROSS JOIN generate_series(0, 3) i
     WHERE s.tenant_id = ${tenantId}::uuid`;
  return tenantId;
}

export async function messageCount(owner: PrismaClient, tenantId: string): Promise<number> {
  return owner.chatMessage.count({ where: { tenantId } });
}

/** usage_daily of a tenant as comparable values, by day, provider and model. */
export async function usageRows(owner: PrismaClient, tenantId: string) {
  const rows = await owner.usageDaily.findMany({ where: { tenantId }, orderBy: [{ day: 'asc' }, { provider: 'asc' }, { model: 'asc' }] });
  return rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    provider: r.provider,
    model: r.model,
    messages: r.messages,
    sessions: r.sessions,
    tokensIn: Number(r.tokensIn),
    tokensOut: Number(r.tokensOut),
    costUsd: Number(r.costUsd),
    sealed: r.sealedAt !== null,
  }));
}

/** Sums of a tenant's usage_daily. */
export async function usageTotals(owner: PrismaClient, tenantId: string) {
  const rows = await usageRows(owner, tenantId);
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    messages: sum((r) => r.messages),
    sessions: sum((r) => r.sessions),
    tokensIn: sum((r) => r.tokensIn),
    tokensOut: sum((r) => r.tokensOut),
    costUsd: Math.round(sum((r) => r.costUsd) * 1e6) / 1e6,
    sealedDays: new Set(rows.filter((r) => r.sealed).map((r) => r.day)).size,
    openDays: new Set(rows.filter((r) => !r.sealed).map((r) => r.day)).size,
  };
}
