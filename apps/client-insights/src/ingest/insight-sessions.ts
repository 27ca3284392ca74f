import type { TenantTx } from '@parley/persistence';
import { utcHourStart } from '../rollup/local-time';
import { bumpBucket } from './hourly-counters';

export interface InsightSessionState {
  firstHour: Date;
  lead: boolean;
  escalated: boolean;
  closed: boolean;
  summarized: boolean;
}

/**
 * The session's L3 state, created on the first event seen for it (normally its first turn):
 * creation counts the session as started in its first UTC hour, and as returning when the
 * same contact already had an earlier session. Later events read it under a row lock.
 */
export async function ensureInsightSession(tx: TenantTx, tenantId: string, sessionId: string, contactId: string | null, startedAt: Date): Promise<InsightSessionState> {
  const firstHour = utcHourStart(startedAt);
  const inserted = await tx.$executeRaw`
    INSERT INTO insight_sessions (tenant_id, session_id, contact_id, first_hour, started_at)
    VALUES (${tenantId}::uuid, ${sessionId}::uuid, ${contactId}::uuid, ${firstHour}, ${startedAt})
    ON CONFLICT (tenant_id, session_id) DO NOTHING`;
  if (inserted === 1) {
    const earlier = contactId
      ? await tx.insightSession.count({ where: { tenantId, contactId, sessionId: { not: sessionId }, startedAt: { lt: startedAt } } })
      : 0;
    await bumpBucket(tx, tenantId, firstHour, { sessions_started: 1, returning_sessions: earlier > 0 ? 1 : 0 });
    return { firstHour, lead: false, escalated: false, closed: false, summarized: false };
  }
  // Row lock until commit: two events of one session folded at once (the consumer runs
  // several in parallel) must not both see `lead = false` and both count the lead.
  const [row] = await tx.$queryRaw<Array<{ first_hour: Date; contact_id: string | null; lead: boolean; escalated: boolean; closed: boolean; summarized: boolean }>>`
    SELECT first_hour, contact_id, lead, escalated, closed, summarized FROM insight_sessions
    WHERE tenant_id = ${tenantId}::uuid AND session_id = ${sessionId}::uuid FOR UPDATE`;
  if (!row) throw new Error(`insight session ${sessionId} vanished`);
  if (contactId && !row.contact_id) await tx.insightSession.update({ where: { tenantId_sessionId: { tenantId, sessionId } }, data: { contactId } });
  return { firstHour: row.first_hour, lead: row.lead, escalated: row.escalated, closed: row.closed, summarized: row.summarized };
}

export async function updateInsightSession(tx: TenantTx, tenantId: string, sessionId: string, data: Partial<Pick<InsightSessionState, 'lead' | 'escalated' | 'closed' | 'summarized'>>): Promise<void> {
  await tx.insightSession.update({ where: { tenantId_sessionId: { tenantId, sessionId } }, data });
}
