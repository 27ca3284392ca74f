// Queries behind the staff console's conversation list and transcript: one TenantDb.statement()
// each (BEGIN, the tenant's set_config, the SELECT and COMMIT pipelined; no Prisma interactive
// transaction), so RLS alone hides other tenants' sessions, contacts, signals, summaries and
// messages: a foreign session id behaves exactly like an unknown one.
import type { ConversationStatusFilter } from '@parley/contracts';
import { isUuid, type TenantDb } from '@parley/persistence';
import type { StoredSignal } from '../common/signal-view.mapper';
import type { HistoryMessageRow } from '../sessions/message.repository';
import type { SessionViewRow } from '../sessions/session.repository';

/** Signals read per session for its latest-signals list (the mapper keeps 5 distinct ones). */
const SIGNALS_PER_SESSION = 25;

/** A session as the console's conversation view reads it. */
export interface ConversationRow extends SessionViewRow {
  contact: { id: string; name: string | null; email: string | null; phone: string | null } | null;
  /** The session's latest signals, newest first (created_at, then id), at most SIGNALS_PER_SESSION. */
  signals: StoredSignal[];
  hasSummary: boolean;
}

export interface Position {
  createdAt: Date;
  id: string;
}

export interface ConversationFilter {
  status?: ConversationStatusFilter;
  since?: Date;
  until?: Date;
  contactId?: string;
  signal?: 'urgency' | 'safety' | 'escalation';
  /** Only sessions started before this one (the cursor). */
  before: Position | null;
  limit: number;
}

// A conversation row's columns under ConversationRow's field names, as node-postgres returns them
// (ids and enums as text, timestamptz as a Date, int4 as a number, json parsed): the session view's,
// its contact (LEFT JOIN tenant_contacts c), its latest signals and whether it has a summary.
const CONVERSATION_COLUMNS = `s.id::text AS "id", s.tenant_id::text AS "tenantId", s.external_user_id AS "externalUserId",
       s.contact_id::text AS "contactId", s.status::text AS "status", s.needs_human AS "needsHuman", s.mode::text AS "mode",
       s.channel AS "channel", s.staff_user_id::text AS "staffUserId", s.message_count AS "messageCount",
       s.started_at AS "startedAt", s.last_activity_at AS "lastActivityAt", s.closed_at AS "closedAt", s.close_reason AS "closeReason",
       CASE WHEN c.id IS NULL THEN NULL
            ELSE json_build_object('id', c.id, 'name', c.name, 'email', c.email, 'phone', c.phone) END AS "contact",
       COALESCE((SELECT json_agg(json_build_object('kind', g.kind, 'label', g.label, 'score', g.score) ORDER BY g.created_at DESC, g.id DESC)
                   FROM (SELECT y.kind, y.label, y.score, y.created_at, y.id FROM message_signals y
                          WHERE y.session_id = s.id ORDER BY y.created_at DESC, y.id DESC LIMIT ${SIGNALS_PER_SESSION}) g),
                '[]'::json) AS "signals",
       EXISTS (SELECT 1 FROM session_summaries u WHERE u.session_id = s.id) AS "hasSummary"`;
const CONVERSATION_FROM = `chat_sessions s LEFT JOIN tenant_contacts c ON c.id = s.contact_id`;

/** The list's fixed condition for each status filter (the values are the contract's enum, never input text). */
const STATUS_CONDITION: Record<ConversationStatusFilter, string> = {
  open: `s.status = 'open'`,
  closed: `s.status = 'closed'`,
  handoff: `s.status = 'open' AND (s.needs_human OR s.mode = 'human')`,
};

/**
 * The list's statement: fixed conditions for the filters that are set, each value a $n placeholder,
 * so the text is one of a fixed set (a prepared statement each, planned for its own filters) and
 * never holds input.
 */
function listStatement(filter: ConversationFilter): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown, cast = ''): string => {
    values.push(value);
    return `$${values.length}${cast}`;
  };
  const where = ['s.staff_user_id IS NULL'];
  if (filter.status) where.push(STATUS_CONDITION[filter.status]);
  if (filter.since) where.push(`s.started_at >= ${param(filter.since, '::timestamptz')}`);
  if (filter.until) where.push(`s.started_at < ${param(filter.until, '::timestamptz')}`);
  if (filter.contactId) where.push(`s.contact_id = ${param(filter.contactId, '::uuid')}`);
  if (filter.signal) where.push(`EXISTS (SELECT 1 FROM message_signals k WHERE k.session_id = s.id AND k.kind = ${param(filter.signal)})`);
  if (filter.before) {
    where.push(`(s.started_at, s.id) < (${param(filter.before.createdAt, '::timestamptz')}, ${param(filter.before.id, '::uuid')})`);
  }
  const text = `SELECT ${CONVERSATION_COLUMNS}
  FROM ${CONVERSATION_FROM}
 WHERE ${where.join('\n   AND ')}
 ORDER BY s.started_at DESC, s.id DESC
 LIMIT ${param(filter.limit + 1, '::int')}`;
  return { text, values };
}

/** `limit + 1` visitor sessions (never a staff assistant session), newest start first, in one TenantDb.statement(). */
export async function readConversations(db: TenantDb, tenantId: string, filter: ConversationFilter): Promise<ConversationRow[]> {
  // The RPC schema already wants a uuid; a malformed one matches no session rather than failing the cast.
  if (filter.contactId !== undefined && !isUuid(filter.contactId)) return [];
  return db.statement<ConversationRow>(tenantId, listStatement(filter));
}

/** A transcript message; createdAt as the JSON text PostgreSQL writes for a timestamptz. */
type TranscriptJsonMessage = Omit<HistoryMessageRow, 'createdAt' | 'signals'> & { createdAt: string; signals: StoredSignal[] };

// One visitor session (no row for a staff assistant session or one not visible) with its page of
// transcript messages as a JSON array, newest first, each with its signals (oldest first).
const READ_CONVERSATION = `SELECT ${CONVERSATION_COLUMNS},
       COALESCE((SELECT json_agg(json_build_object('id', m.id, 'sessionId', m.session_id, 'turnId', m.turn_id, 'role', m.role,
                                                   'content', m.content, 'interrupted', m.interrupted, 'createdAt', m.created_at,
                                                   'signals', COALESCE((SELECT json_agg(json_build_object('kind', g.kind, 'label', g.label, 'score', g.score)
                                                                                        ORDER BY g.created_at, g.id)
                                                                          FROM message_signals g WHERE g.message_id = m.id), '[]'::json))
                                 ORDER BY m.created_at DESC, m.id DESC)
                   FROM (SELECT x.id, x.session_id, x.turn_id, x.role, x.content, x.interrupted, x.created_at
                           FROM chat_messages x
                          WHERE x.tenant_id = s.tenant_id AND x.session_id = s.id AND x.role::text = ANY($2::text[])
                            AND ($3::timestamptz IS NULL OR (x.created_at, x.id) < ($3, $4::uuid))
                          ORDER BY x.created_at DESC, x.id DESC
                          LIMIT $5) m),
                '[]'::json) AS "messages"
  FROM ${CONVERSATION_FROM}
 WHERE s.id = $1::uuid AND s.staff_user_id IS NULL`;

const TRANSCRIPT_ROLES = ['user', 'assistant', 'staff'] as const;

/**
 * One visitor session with its contact, latest signals and summary marker, and `limit + 1` of its
 * transcript messages older than `before`, newest first, with their signals: one TenantDb.statement().
 * Null when the session is not visible to the tenant, unknown, or a staff assistant session.
 */
export async function readConversationWithTranscript(
  db: TenantDb,
  tenantId: string,
  sessionId: string,
  before: Position | null,
  limit: number,
): Promise<{ row: ConversationRow; messages: Array<HistoryMessageRow & { signals: StoredSignal[] }> } | null> {
  if (!isUuid(sessionId)) return null;
  const [found] = await db.statement<ConversationRow & { messages: TranscriptJsonMessage[] }>(tenantId, {
    text: READ_CONVERSATION,
    values: [sessionId, [...TRANSCRIPT_ROLES], before?.createdAt ?? null, before?.id ?? null, limit + 1],
  });
  if (!found) return null;
  const { messages, ...row } = found;
  return { row, messages: messages.map((message) => ({ ...message, createdAt: new Date(message.createdAt) })) };
}
