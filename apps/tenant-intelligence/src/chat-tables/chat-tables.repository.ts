import { Injectable } from '@nestjs/common';
import { outboxInsertFromJson, outboxRowsJson, type OutboxMessageInput, type PgTx, type TenantTx } from '@parley/persistence';
import { CONVERSATION_INTERACTION, L1B_SOURCE } from '../extraction/extraction.constants';

/** The chat session a turn or close event names, as tenant-intelligence needs it. */
export interface ChatSessionRef {
  id: string;
  externalUserId: string | null;
  contactId: string | null;
  needsHuman: boolean;
}

/** A message_signals row L1b writes (source `l1b`); `data` is any JSON object. */
export interface NewSignalRow {
  tenantId: string;
  messageId: string;
  sessionId: string;
  source: string;
  kind: string;
  label: string;
  score: number | null;
  data: unknown;
}

/** The columns L1b sets on a session's conversation interaction (tenant_interactions). */
export interface InteractionColumns {
  contactId: string | null;
  intent: string | null;
  sentiment: string;
  sentimentScore: number;
  urgency: string;
  products: string[];
  lead: boolean;
  data: unknown;
}

/** A conversation interaction as a batch leaves it: a new row (`create`, id chosen here) or an update of `id`. */
export interface InteractionWrite extends InteractionColumns {
  id: string;
  create: { tenantId: string; sessionId: string; occurredAt: Date } | null;
}

/** What an L1b batch reads before its turns (see l1bBatchReads). */
export interface L1bBatchState {
  sessions: ChatSessionRef[];
  /** The sessions' conversation interactions, by session id. */
  interactions: Map<string, { id: string; data: unknown }>;
  /** The data of each session's latest L1b extraction of a message not in the batch, by session id. */
  previous: Map<string, unknown>;
}

/** L1b's link of a session to its contact: the session's id when the tenant of the transaction has it. */
const LINK_SESSION_SQL = `UPDATE chat_sessions SET contact_id = $2::uuid WHERE id = $1::uuid RETURNING id::text AS id`;

/** The sessions, their conversation interactions and latest earlier extractions, as three JSON arrays of one row. */
const L1B_BATCH_READS_SQL = `
SELECT
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', s.id, 'externalUserId', s.external_user_id, 'contactId', s.contact_id,
                                                'needsHuman', s.needs_human)), '[]'::jsonb)
     FROM chat_sessions s WHERE s.id = ANY($1::uuid[])) AS sessions,
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', i.id, 'sessionId', i.session_id, 'data', i.data)), '[]'::jsonb)
     FROM tenant_interactions i WHERE i.session_id = ANY($1::uuid[]) AND i.kind = $2) AS interactions,
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('sessionId', p.session_id, 'data', p.data)), '[]'::jsonb)
     FROM (SELECT DISTINCT ON (session_id) session_id, data FROM message_signals
            WHERE session_id = ANY($1::uuid[]) AND source = $3 AND kind = 'extraction' AND NOT (message_id = ANY($4::uuid[]))
            ORDER BY session_id, created_at DESC) p) AS previous`;

/**
 * An L1b batch's writes in one statement, each set a JSON array parameter: the l1b signal rows
 * ($1; a row already there, from a redelivery, is skipped), the conversation interactions updated
 * ($2) and created ($3), and the outbox rows ($4, in order). Answers how many interactions it
 * updated (a row gone meanwhile is not updated, and the caller fails the batch).
 */
const L1B_BATCH_WRITES_SQL = `
WITH sig AS (
  INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score, data)
  SELECT (r->>'tenantId')::uuid, (r->>'messageId')::uuid, (r->>'sessionId')::uuid, r->>'source', r->>'kind', r->>'label',
         (r->>'score')::float8, r->'data'
    FROM jsonb_array_elements($1::jsonb) AS r
  ON CONFLICT (message_id, source, kind, label) DO NOTHING
  RETURNING 1
), upd AS (
  UPDATE tenant_interactions t
     SET contact_id = (r->>'contactId')::uuid, intent = r->>'intent', sentiment = r->>'sentiment',
         sentiment_score = (r->>'sentimentScore')::float8, urgency = r->>'urgency',
         products = ARRAY(SELECT jsonb_array_elements_text(r->'products')), lead = (r->>'lead')::boolean, data = r->'data'
    FROM jsonb_array_elements($2::jsonb) AS r
   WHERE t.id = (r->>'id')::uuid
  RETURNING 1
), ins AS (
  INSERT INTO tenant_interactions (id, tenant_id, session_id, kind, occurred_at, contact_id, intent, sentiment, sentiment_score, urgency,
                                   products, lead, data)
  SELECT (r->>'id')::uuid, (r->>'tenantId')::uuid, (r->>'sessionId')::uuid, '${CONVERSATION_INTERACTION}', (r->>'occurredAt')::timestamptz,
         (r->>'contactId')::uuid, r->>'intent', r->>'sentiment', (r->>'sentimentScore')::float8, r->>'urgency',
         ARRAY(SELECT jsonb_array_elements_text(r->'products')), (r->>'lead')::boolean, r->'data'
    FROM jsonb_array_elements($3::jsonb) AS r
  RETURNING 1
), o AS (${outboxInsertFromJson(4)})
SELECT (SELECT count(*) FROM upd)::int AS updated, (SELECT count(*) FROM ins)::int AS created, (SELECT count(*) FROM sig)::int AS signals,
       (SELECT count(*) FROM o)::int AS outbox`;

const interactionJson = (w: InteractionWrite) => ({
  id: w.id,
  contactId: w.contactId,
  intent: w.intent,
  sentiment: w.sentiment,
  sentimentScore: w.sentimentScore,
  urgency: w.urgency,
  products: w.products,
  lead: w.lead,
  data: w.data,
  ...(w.create ? { tenantId: w.create.tenantId, sessionId: w.create.sessionId, occurredAt: w.create.occurredAt } : {}),
});

/** A (source, kind[, label]) a session's signals are matched on. */
export interface SignalMatch {
  source: string;
  kind: string;
  label?: string;
}

export interface SessionSignal {
  messageId: string;
  source: string;
  kind: string;
  label: string;
  data: unknown;
}

export interface ChatMessageText {
  id: string;
  role: string;
  content: string;
}

export interface ExportedSession {
  id: string;
  startedAt: Date;
  closedAt: Date | null;
  messages: Array<{ id: string; role: string; content: string; createdAt: Date }>;
  summary: { summary: string } | null;
}

/**
 * Every read and write tenant-intelligence makes on the tables the chat service owns
 * (chat_sessions, chat_messages, message_signals), in the caller's tenant transaction. The only
 * place this service crosses that ownership line; why it may: docs/adr/0015-cross-service-writes.md.
 * Writes: L1b links a session to its contact and adds `l1b` signal rows; the CRM erasure
 * pseudonymizes the contact's messages, deletes their `l1b` rows and detaches their sessions.
 * L1b's batch methods (linkSessionToContact, l1bBatchReads, writeL1bBatch) run in its
 * node-postgres transaction (PgTx, TenantDb.transaction()), the others in Prisma's (TenantTx).
 */
@Injectable()
export class ChatTablesRepository {
  async session(tx: TenantTx, sessionId: string): Promise<ChatSessionRef | null> {
    return tx.chatSession.findUnique({
      where: { id: sessionId },
      select: { id: true, externalUserId: true, contactId: true, needsHuman: true },
    });
  }

  /** Write (L1b's batch): the session belongs to this contact (L1b resolved who the visitor is); fails when the session is gone. */
  async linkSessionToContact(tx: PgTx, sessionId: string, contactId: string): Promise<void> {
    const rows = await tx.query(LINK_SESSION_SQL, [sessionId, contactId]);
    if (rows.length === 0) throw new Error(`session ${sessionId} to link to contact ${contactId} is gone`);
  }

  /**
   * What an L1b batch reads first, in one statement: its sessions (those the tenant of the
   * transaction can see), their conversation interactions, and for each session the data of its
   * latest L1b extraction of a message not among `exceptMessageIds` (sessions without one are absent).
   */
  async l1bBatchReads(tx: PgTx, sessionIds: string[], exceptMessageIds: string[]): Promise<L1bBatchState> {
    const [row] = await tx.query<{
      sessions: ChatSessionRef[];
      interactions: Array<{ id: string; sessionId: string; data: unknown }>;
      previous: Array<{ sessionId: string; data: unknown }>;
    }>(L1B_BATCH_READS_SQL, [sessionIds, CONVERSATION_INTERACTION, L1B_SOURCE, exceptMessageIds]);
    return {
      sessions: row.sessions,
      interactions: new Map(row.interactions.map((i) => [i.sessionId, { id: i.id, data: i.data }])),
      previous: new Map(row.previous.map((p) => [p.sessionId, p.data])),
    };
  }

  /**
   * Write: an L1b batch's l1b signal rows, conversation interactions and outbox rows, in one
   * statement of the caller's transaction (see L1B_BATCH_WRITES_SQL). Throws when an interaction
   * to update is gone (erased meanwhile): the batch fails and its turns are retried one by one.
   */
  async writeL1bBatch(
    tx: PgTx,
    writes: { signals: readonly NewSignalRow[]; interactions: readonly InteractionWrite[]; outbox: readonly OutboxMessageInput[] },
  ): Promise<void> {
    const { signals, interactions, outbox } = writes;
    if (signals.length === 0 && interactions.length === 0 && outbox.length === 0) return;
    const updates = interactions.filter((i) => !i.create);
    const [row] = await tx.query<{ updated: number }>(L1B_BATCH_WRITES_SQL, [
      JSON.stringify(signals),
      JSON.stringify(updates.map(interactionJson)),
      JSON.stringify(interactions.filter((i) => i.create).map(interactionJson)),
      outboxRowsJson(outbox),
    ]);
    if (row.updated !== updates.length) throw new Error(`${updates.length - row.updated} conversation interaction(s) to update are gone`);
  }

  async sessionSignals(tx: TenantTx, sessionId: string, anyOf: SignalMatch[]): Promise<SessionSignal[]> {
    return tx.messageSignal.findMany({
      where: { sessionId, OR: anyOf.map((m) => ({ ...m })) },
      select: { messageId: true, source: true, kind: true, label: true, data: true },
    });
  }

  /** The session's messages in conversation order (a turn's user message before its answer). */
  async sessionMessages(tx: TenantTx, sessionId: string): Promise<ChatMessageText[]> {
    return tx.chatMessage.findMany({
      where: { sessionId },
      orderBy: [{ createdAt: 'asc' }, { role: 'asc' }],
      select: { id: true, role: true, content: true },
    });
  }

  async sessionIdsOfContact(tx: TenantTx, contactId: string): Promise<string[]> {
    const sessions = await tx.chatSession.findMany({ where: { contactId }, select: { id: true } });
    return sessions.map((s) => s.id);
  }

  async messagesOfSessions(tx: TenantTx, sessionIds: string[]): Promise<Array<{ id: string; content: string }>> {
    return tx.chatMessage.findMany({ where: { sessionId: { in: sessionIds } }, select: { id: true, content: true } });
  }

  /** Write (erasure): a message's text replaced by its pseudonymized form. */
  async rewriteMessageContent(tx: TenantTx, messageId: string, content: string): Promise<void> {
    await tx.chatMessage.update({ where: { id: messageId }, data: { content } });
  }

  /** Write (erasure): the sessions' L1b rows, which quote what the contact said. */
  async deleteL1bSignals(tx: TenantTx, sessionIds: string[]): Promise<void> {
    await tx.messageSignal.deleteMany({ where: { sessionId: { in: sessionIds }, source: L1B_SOURCE } });
  }

  /** Write (erasure): the sessions no longer name the contact or the tenant's user id. */
  async detachSessions(tx: TenantTx, sessionIds: string[]): Promise<void> {
    await tx.chatSession.updateMany({ where: { id: { in: sessionIds } }, data: { externalUserId: null, contactId: null } });
  }

  /** The contact's sessions, oldest first, with their messages and summary (right of access). */
  async sessionsForExport(tx: TenantTx, contactId: string, limit: number): Promise<ExportedSession[]> {
    return tx.chatSession.findMany({
      where: { contactId },
      orderBy: { startedAt: 'asc' },
      take: limit,
      include: {
        messages: { orderBy: [{ createdAt: 'asc' }, { role: 'asc' }], select: { id: true, role: true, content: true, createdAt: true } },
        summary: { select: { summary: true } },
      },
    });
  }
}
