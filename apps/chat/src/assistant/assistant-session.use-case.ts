// The staff assistant's sessions (docs/adr/0012-staff-assistant.md): chat_sessions rows with
// staff_user_id set, one open at a time per user. Served as chat.assistant.session and
// chat.assistant.history (src/rpc/chat-rpc.endpoints.ts).
import type { ChatAssistantHistoryRpc, ChatSessionView, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import type { ChatSessionModel, TenantDb, TenantTx } from '@parley/persistence';
import { decodeHistoryCursor } from '../sessions/history-cursor.util';
import { toHistoryPage } from '../sessions/history.use-case';
import { toSessionView } from '../sessions/session.mapper';
import { ChatError } from '../shared/chat.errors';

export const ASSISTANT_CHANNEL = 'assistant';

/** The tenant is active and the user is one of its active staff (else NOT_FOUND / FORBIDDEN). */
async function assertActiveStaff(tx: TenantTx, tenantId: string, staffUserId: string): Promise<void> {
  // `tenants` has no RLS; tenant_users does, and is filtered by tenant id again.
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
  if (!tenant) throw new ChatError('NOT_FOUND', `tenant ${tenantId} not found`);
  if (tenant.status !== 'active') throw new ChatError('FORBIDDEN', 'tenant is deactivated');
  const user = await tx.tenantUser.findFirst({ where: { id: staffUserId, tenantId }, select: { status: true } });
  if (!user) throw new ChatError('NOT_FOUND', `staff user ${staffUserId} not found`);
  if (user.status !== 'active') throw new ChatError('FORBIDDEN', 'staff user is disabled');
}

/**
 * The user's newest open assistant session, or a new one when none is open (the idle sweeper
 * closed the last). A transaction-scoped advisory lock on the user serialises concurrent first
 * requests, so a user never gets two open sessions at once.
 */
export async function currentAssistantSession(db: TenantDb, tenantId: string, staffUserId: string): Promise<{ session: ChatSessionView; created: boolean }> {
  const { row, created } = await db.run(tenantId, async (tx): Promise<{ row: ChatSessionModel; created: boolean }> => {
    await assertActiveStaff(tx, tenantId, staffUserId);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assistant:${staffUserId}`}, 0))`;
    const open = await tx.chatSession.findFirst({ where: { tenantId, staffUserId, status: 'open' }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] });
    if (open) return { row: open, created: false };
    const session = await tx.chatSession.create({ data: { tenantId, staffUserId, channel: ASSISTANT_CHANNEL, metadata: {} } });
    return { row: session, created: true };
  });
  return { session: toSessionView(row), created };
}

/** The user's messages across all their assistant sessions, newest page first (oldest first within a page). */
export async function getAssistantHistory(db: TenantDb, request: RpcRequestOf<typeof ChatAssistantHistoryRpc>): Promise<RpcResponseOf<typeof ChatAssistantHistoryRpc>> {
  const before = request.cursor ? decodeHistoryCursor(request.cursor) : null;
  const rows = await db.run(request.tenantId, async (tx) => {
    await assertActiveStaff(tx, request.tenantId, request.staffUserId);
    return tx.chatMessage.findMany({
      where: {
        tenantId: request.tenantId,
        session: { staffUserId: request.staffUserId },
        role: { in: ['user', 'assistant'] },
        ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: request.limit + 1,
      select: { id: true, sessionId: true, turnId: true, role: true, content: true, interrupted: true, createdAt: true },
    });
  });
  return toHistoryPage(rows, request.limit);
}
