// Queries on chat_sessions. Every function takes a tenant transaction (TenantDb.run()'s, or
// TenantDb.statement()'s for the single-statement reads), so RLS hides other tenants' sessions:
// a foreign id behaves exactly like an unknown one.
import type { ChatSessionClosed, ChatSessionView } from '@parley/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { findContact, isUuid, type ChatSessionModel, type TenantDb, type TenantTx } from '@parley/persistence';

export interface NewSession {
  tenantId: string;
  externalUserId: string | null;
  channel: ChatSessionView['channel'];
  origin: string | null;
  metadata: Record<string, unknown>;
  /** What the tenant's backend knows about the visitor (email, phone as typed). */
  customer: { email?: string; phone?: string } | null;
}

/** A phone as the CRM stores it (E.164, UK numbers by default), or null when it is not one. */
function toE164(phone: string | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone, 'GB');
  return parsed?.isPossible() ? parsed.number : null;
}

export async function insertSession(tx: TenantTx, input: NewSession): Promise<ChatSessionModel> {
  // A visitor the tenant already knows (under this id, or by an email or phone its CRM holds)
  // is linked to their contact: a returning customer, greeted by name on the first turn.
  const ids = { externalUserId: input.externalUserId, email: input.customer?.email ?? null, phone: toE164(input.customer?.phone) };
  const contact = ids.externalUserId || ids.email || ids.phone ? await findContact(tx, input.tenantId, ids) : null;
  return tx.chatSession.create({
    data: {
      tenantId: input.tenantId,
      externalUserId: input.externalUserId,
      contactId: contact?.id ?? null,
      channel: input.channel,
      origin: input.origin,
      metadata: input.metadata as object,
    },
  });
}

export function findSession(tx: TenantTx, sessionId: string): Promise<ChatSessionModel | null> {
  return tx.chatSession.findUnique({ where: { id: sessionId } });
}

/** What a session view (session.mapper.ts) reads of a chat_sessions row. */
export type SessionViewRow = Pick<
  ChatSessionModel,
  | 'id'
  | 'tenantId'
  | 'externalUserId'
  | 'contactId'
  | 'status'
  | 'needsHuman'
  | 'mode'
  | 'channel'
  | 'staffUserId'
  | 'messageCount'
  | 'startedAt'
  | 'lastActivityAt'
  | 'closedAt'
  | 'closeReason'
>;

// The view's columns under its field names, as node-postgres returns them like Prisma does (ids and
// enums as text, timestamptz as a Date, int4 as a number).
const SESSION_VIEW_COLUMNS = `s.id::text AS "id", s.tenant_id::text AS "tenantId", s.external_user_id AS "externalUserId",
       s.contact_id::text AS "contactId", s.status::text AS "status", s.needs_human AS "needsHuman", s.mode::text AS "mode",
       s.channel AS "channel", s.staff_user_id::text AS "staffUserId", s.message_count AS "messageCount",
       s.started_at AS "startedAt", s.last_activity_at AS "lastActivityAt", s.closed_at AS "closedAt", s.close_reason AS "closeReason"`;
const READ_SESSION = `SELECT ${SESSION_VIEW_COLUMNS} FROM chat_sessions s WHERE s.id = $1::uuid`;

/**
 * The session as a view reads it, or null when it is not visible: one TenantDb.statement() (BEGIN,
 * the tenant's set_config, this SELECT and COMMIT pipelined, no Prisma interactive transaction), so
 * RLS alone hides another tenant's session, as findSession's transaction does. For reads that are
 * this one statement (chat.session.get); writes and multi-statement reads keep TenantDb.run().
 */
export async function readSession(db: TenantDb, tenantId: string, sessionId: string): Promise<SessionViewRow | null> {
  // The RPC schema already wants a uuid; a malformed id is not found rather than a cast error.
  if (!isUuid(sessionId)) return null;
  const [row] = await db.statement<SessionViewRow>(tenantId, { text: READ_SESSION, values: [sessionId] });
  return row ?? null;
}

/** The session's status ('open' | 'closed'), or null when not visible. */
export async function findSessionStatus(tx: TenantTx, sessionId: string): Promise<string | null> {
  const session = await tx.chatSession.findUnique({ where: { id: sessionId }, select: { status: true } });
  return session?.status ?? null;
}

const READ_SESSIONS_NEEDING_HUMAN = `SELECT ${SESSION_VIEW_COLUMNS} FROM chat_sessions s
  WHERE s.needs_human AND s.status = 'open' AND s.staff_user_id IS NULL
  ORDER BY s.last_activity_at, s.id
  LIMIT $1`;

/** Open visitor sessions that need a person, longest-waiting first: one TenantDb.statement(), RLS keeps them the tenant's. */
export function readSessionsNeedingHuman(db: TenantDb, tenantId: string, limit: number): Promise<SessionViewRow[]> {
  return db.statement<SessionViewRow>(tenantId, { text: READ_SESSIONS_NEEDING_HUMAN, values: [limit] });
}

/** A staff message was stored at `at`: the session goes to human mode and counts the message. */
export async function recordStaffReply(tx: TenantTx, sessionId: string, at: Date): Promise<void> {
  await tx.chatSession.update({ where: { id: sessionId }, data: { mode: 'human', messageCount: { increment: 1 }, lastActivityAt: at } });
}

/** Back to bot mode, no longer needing a person; null when the session is not visible. */
export async function setBotMode(tx: TenantTx, sessionId: string): Promise<ChatSessionModel | null> {
  const updated = await tx.chatSession.updateManyAndReturn({ where: { id: sessionId }, data: { mode: 'bot', needsHuman: false } });
  return updated[0] ?? null;
}

/**
 * Closes the session if it is still open; null when it was already closed (or is not visible).
 * The status predicate makes concurrent closers race safely: the row lock serialises them and
 * the loser re-checks `status = 'open'` and updates nothing.
 */
export async function closeIfOpen(tx: TenantTx, sessionId: string, reason: ChatSessionClosed['reason']): Promise<ChatSessionModel | null> {
  const closed = await tx.chatSession.updateManyAndReturn({
    where: { id: sessionId, status: 'open' },
    data: { status: 'closed', closedAt: new Date(), closeReason: reason },
  });
  return closed[0] ?? null;
}

/**
 * Closes up to `limit` open sessions of the tenant idle since before `cutoff`, skipping rows
 * another replica is closing right now (FOR UPDATE SKIP LOCKED); returns the rows it closed.
 */
export async function closeIdleSessions(tx: TenantTx, tenantId: string, cutoff: Date, limit: number): Promise<ChatSessionModel[]> {
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM chat_sessions
     WHERE tenant_id = ${tenantId}::uuid AND status = 'open' AND last_activity_at < ${cutoff}
     ORDER BY last_activity_at
     LIMIT ${limit}
     FOR UPDATE SKIP LOCKED`;
  if (ids.length === 0) return [];
  return tx.chatSession.updateManyAndReturn({
    where: { id: { in: ids.map((r) => r.id) }, status: 'open' },
    data: { status: 'closed', closedAt: new Date(), closeReason: 'idle_timeout' },
  });
}
