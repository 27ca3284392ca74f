// Queries behind the staff assistant's sessions (docs/adr/0012-staff-assistant.md): chat_sessions
// rows with staff_user_id set and their messages, plus the staff user's status in
// provisioning's tenant_users (read only). Every function takes the TenantDb.run() transaction.
import type { ChatSessionModel, TenantTx } from '@parley/persistence';
import type { HistoryPosition } from '../sessions/history-cursor.util';
import { olderThan, type HistoryMessageRow } from '../sessions/message.repository';

/** The staff user's status ('active' | 'disabled') when they belong to the tenant, else null (tenant_users is under RLS and filtered by tenant id again). */
export async function findStaffUserStatus(tx: TenantTx, tenantId: string, staffUserId: string): Promise<string | null> {
  const user = await tx.tenantUser.findFirst({ where: { id: staffUserId, tenantId }, select: { status: true } });
  return user?.status ?? null;
}

/** Serialises the staff user's session requests until the transaction ends (transaction-scoped advisory lock). */
export async function lockStaffUserSessions(tx: TenantTx, staffUserId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assistant:${staffUserId}`}, 0))`;
}

/** The staff user's newest open assistant session, or null. */
export function findOpenAssistantSession(tx: TenantTx, tenantId: string, staffUserId: string): Promise<ChatSessionModel | null> {
  return tx.chatSession.findFirst({ where: { tenantId, staffUserId, status: 'open' }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] });
}

export function insertAssistantSession(
  tx: TenantTx,
  input: { tenantId: string; staffUserId: string; channel: string },
): Promise<ChatSessionModel> {
  return tx.chatSession.create({
    data: { tenantId: input.tenantId, staffUserId: input.staffUserId, channel: input.channel, metadata: {} },
  });
}

/** Up to `take` of the user's and the assistant's messages across the staff user's sessions older than `before`, newest first. */
export function assistantHistoryRows(
  tx: TenantTx,
  tenantId: string,
  staffUserId: string,
  before: HistoryPosition | null,
  take: number,
): Promise<HistoryMessageRow[]> {
  return tx.chatMessage.findMany({
    where: {
      tenantId,
      session: { staffUserId },
      role: { in: ['user', 'assistant'] },
      ...olderThan(before),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, sessionId: true, turnId: true, role: true, content: true, interrupted: true, createdAt: true },
  });
}
