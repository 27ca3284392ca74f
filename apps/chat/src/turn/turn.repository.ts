// Rows of one turn. prepareTurn() runs before generation; persistTurn() writes everything the
// turn produced in a single transaction with its outbox rows.
import type { ToolExecutionWrite } from '../tools/tool-executions.repository';
import type { ChatTurnResponse } from '@parley/contracts';
import type { ConversationMessage, KnowledgePassage } from '@parley/llm';
import {
  auditAppend,
  type AuditEntry,
  isUuid,
  outboxInsertFromJson,
  outboxRowsJson,
  Prisma,
  RRF_K,
  type OutboxMessageInput,
  type TenantDb,
  type TenantTx,
} from '@parley/persistence';
import { toWireSignals, type SignalFinding } from '@parley/signals';
import { randomUUID } from 'node:crypto';
import { ChatError } from '../common/chat.errors';
import { toSignalViews } from '../common/signal-view.mapper';

export type PreparedTurn =
  | {
      kind: 'new';
      session: TurnSession;
      recent: ConversationMessage[];
      firstTurn: boolean;
      /** Name of the contact linked at session start when they were known before this session. */
      returningName: string | null;
      /** Passages found by the same statement (when the caller asked for them and the bot answers), else null. */
      knowledge: KnowledgePassage[] | null;
    }
  | { kind: 'stored'; response: ChatTurnResponse };

/** What a turn needs of its session. */
export interface TurnSession {
  id: string;
  mode: 'bot' | 'human';
  contactId: string | null;
}

/** A full-text knowledge search to run in the same statement as the session read. */
export interface TurnKnowledgeQuery {
  query: string;
  limit: number;
  /** Staff-only knowledge too (the staff assistant); visitors never get it. */
  staff: boolean;
}

const HISTORY_ROWS = 50;
/**
 * How long a turn's transaction may wait for a pooled connection (Prisma's default is 2 s). Under
 * load a turn waits its turn rather than failing: after the answer has streamed, failing the
 * store would lose it. The gateway's CHAT_TURN_TIMEOUT_MS still bounds the whole turn.
 */
export const TURN_TX_MAX_WAIT_MS = 15_000;
/** message_signals label of a question the offline responder could not answer from knowledge. */
export const UNANSWERED_LABEL = 'unanswered_question';

interface TurnContextRow {
  status: string;
  mode: 'bot' | 'human';
  contact_id: string | null;
  staff_user_id: string | null;
  /** The linked contact's name when the contact existed before the session started. */
  returning_name: string | null;
  /** Up to HISTORY_ROWS messages, newest first. */
  history: { role: string; content: string; turnId: string | null }[];
  /** Whether the bot ever answered in this scope (the history may be cut before its first answer). */
  answered: boolean;
  /** Full-text hits, best first (null when no search was asked for). */
  knowledge: { chunkId: string; documentId: string; title: string | null; text: string }[] | null;
}

/**
 * The full-text retriever of libs/persistence searchKnowledge (plainto_tsquery with its words
 * OR-ed, ts_rank_cd, staff-only chunks for staff only) as a sub-select yielding the best `limit`
 * chunks with their document titles as a JSON array; with one retriever, reciprocal rank fusion
 * keeps this order and scores rank r as 1 / (RRF_K + r). turn-context.int-spec.ts checks that
 * both give the same passages. The tsquery is made once per statement: `OFFSET 0` keeps its
 * sub-select from being pulled up, so the generic plan PostgreSQL settles on for the prepared
 * statement (after 5 executions on a connection) computes it in one Result node instead of
 * re-running plainto_tsquery and replace() in the filter and in ts_rank_cd for every chunk of the
 * tenant (docs/benchmarks.md, Eighth pass: the turn's context read).
 */
function fullTextKnowledge(tenantId: string, search: TurnKnowledgeQuery): Prisma.Sql {
  return Prisma.sql`(
    SELECT COALESCE(json_agg(json_build_object('chunkId', k.id, 'documentId', k.document_id, 'title', d.title, 'text', k.text) ORDER BY k.score DESC, k.id), '[]'::json)
      FROM (SELECT c.id, c.document_id, c.text, ts_rank_cd(c.search, q.q) AS score
              FROM knowledge_chunks c,
                   (SELECT replace(plainto_tsquery('english', ${search.query})::text, ' & ', ' | ')::tsquery AS q OFFSET 0) q
             WHERE c.tenant_id = ${tenantId}::uuid AND c.search @@ q.q
               AND (${search.staff} OR NOT c.metadata @> '{"audience":"staff"}'::jsonb)
             ORDER BY score DESC, c.id
             LIMIT ${search.limit}) k
      LEFT JOIN knowledge_documents d ON d.tenant_id = ${tenantId}::uuid AND d.id = k.document_id)`;
}

/**
 * The session, its recent history (newest first), whether the bot answered before, the
 * returning contact's name and, when asked, the full-text knowledge passages, in one statement
 * sent with TenantDb.statement() (tenant set in the same transaction, a prepared statement, no
 * Prisma client work on this path before the first token). A staff assistant turn's history is
 * its user's messages across all their sessions (per-user memory); a visitor's is the session's.
 */
function readTurnContext(
  db: TenantDb,
  tenantId: string,
  sessionId: string,
  staffUserId: string | null,
  search: TurnKnowledgeQuery | null,
): Promise<TurnContextRow[]> {
  const scope = staffUserId
    ? Prisma.sql`m.session_id IN (SELECT x.id FROM chat_sessions x WHERE x.tenant_id = s.tenant_id AND x.staff_user_id = s.staff_user_id)`
    : Prisma.sql`m.session_id = s.id`;
  const knowledge = search ? fullTextKnowledge(tenantId, search) : Prisma.sql`NULL::json`;
  const read = Prisma.sql`
      SELECT s.status::text AS status, s.mode::text AS mode, s.contact_id::text AS contact_id, s.staff_user_id::text AS staff_user_id,
             (SELECT ct.name FROM tenant_contacts ct WHERE ct.id = s.contact_id AND ct.created_at < s.started_at) AS returning_name,
             COALESCE((SELECT json_agg(json_build_object('role', h.role, 'content', h.content, 'turnId', h.turn_id) ORDER BY h.created_at DESC, h.id DESC)
                         FROM (SELECT m.role, m.content, m.turn_id, m.created_at, m.id
                                 FROM chat_messages m
                                WHERE m.tenant_id = s.tenant_id AND ${scope} AND m.role IN ('user', 'assistant', 'staff')
                                ORDER BY m.created_at DESC, m.id DESC
                                LIMIT ${HISTORY_ROWS}) h), '[]'::json) AS history,
             EXISTS (SELECT 1 FROM chat_messages m WHERE m.tenant_id = s.tenant_id AND ${scope} AND m.role = 'assistant') AS answered,
             CASE WHEN s.mode = 'bot' AND s.status = 'open' THEN ${knowledge} END AS knowledge
        FROM chat_sessions s
       WHERE s.id = ${sessionId}::uuid AND s.tenant_id = ${tenantId}::uuid`;
  return db.statement<TurnContextRow>(tenantId, { text: read.text, values: read.values });
}

/**
 * Validates the session (unknown or another tenant's: NOT_FOUND; closed: CONFLICT), returns the
 * stored answer when this turnId already completed (a retry), else the recent history, newest
 * first, and the knowledge passages when `search` is given and the bot answers. The common case
 * is one statement (readTurnContext); a closed session or a retried turnId costs one more
 * transaction. Read-only on purpose: a write here would cost a second commit (WAL flush) per
 * turn; the turn's transaction sets last_activity_at.
 */
export async function prepareTurn(
  db: TenantDb,
  tenantId: string,
  sessionId: string,
  turnId: string,
  staffUserId: string | null = null,
  search: TurnKnowledgeQuery | null = null,
): Promise<PreparedTurn> {
  if (!isUuid(sessionId)) throw new ChatError('NOT_FOUND', `session ${sessionId} not found`);
  const useful = search && search.limit > 0 && search.query.trim().length > 0 ? search : null;
  const [row] = await readTurnContext(db, tenantId, sessionId, staffUserId, useful);
  // A visitor turn never reaches a staff assistant session, and a staff turn only its user's own.
  if (!row || row.staff_user_id !== staffUserId) throw new ChatError('NOT_FOUND', `session ${sessionId} not found`);
  const rows = row.history;
  if (row.status !== 'open' || rows.some((r) => r.turnId === turnId)) {
    const stored = await db.run(tenantId, (tx) => findStoredTurn(tx, sessionId, turnId), { maxWaitMs: TURN_TX_MAX_WAIT_MS });
    if (stored) return { kind: 'stored', response: stored };
    if (row.status !== 'open') throw new ChatError('CONFLICT', `session ${sessionId} is closed`);
  }
  const recent = rows.map((r): ConversationMessage => ({ role: r.role === 'user' ? 'user' : 'assistant', content: r.content }));
  // The first turn is the one with no earlier bot answer.
  const firstTurn = !row.answered;
  const bot = row.mode === 'bot';
  const knowledge =
    !search || !bot ? null : (row.knowledge ?? []).map((k, i) => ({ ...k, title: k.title ?? '', score: 1 / (RRF_K + i + 1) }));
  return {
    kind: 'new',
    session: { id: sessionId, mode: row.mode, contactId: row.contact_id },
    recent,
    firstTurn,
    returningName: firstTurn ? row.returning_name : null,
    knowledge,
  };
}

/** The response of a turn already stored (both messages exist), or null. */
export async function findStoredTurn(tx: TenantTx, sessionId: string, turnId: string): Promise<ChatTurnResponse | null> {
  const rows = await tx.chatMessage.findMany({
    where: { sessionId, turnId },
    select: {
      id: true,
      role: true,
      content: true,
      interrupted: true,
      tokensIn: true,
      tokensOut: true,
      provider: true,
      model: true,
      latencyMs: true,
      signals: { select: { kind: true, label: true, score: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  const user = rows.find((r) => r.role === 'user');
  const assistant = rows.find((r) => r.role === 'assistant');
  if (!user || !assistant) return null;
  return {
    version: 1,
    turnId,
    sessionId,
    messageId: assistant.id,
    content: assistant.content,
    finishReason: assistant.interrupted ? 'cancelled' : 'stop',
    signals: toSignalViews(user.signals),
    actions: [],
    usage: {
      inputTokens: assistant.tokensIn,
      outputTokens: assistant.tokensOut,
      provider: assistant.provider ?? 'unknown',
      model: assistant.model ?? 'unknown',
      latencyMs: assistant.latencyMs ?? 0,
    },
  };
}

export interface TurnRecord {
  tenantId: string;
  sessionId: string;
  turnId: string;
  userText: string;
  userAt: Date;
  findings: readonly SignalFinding[];
  /** The offline responder found nothing to answer with: recorded on the user message for rollups. */
  unanswered: boolean;
  assistant: {
    id: string;
    content: string;
    interrupted: boolean;
    at: Date;
    inputTokens: number;
    outputTokens: number;
    provider: string;
    model: string;
    latencyMs: number;
  };
  needsHuman: boolean;
  handoff: boolean;
  outbox: (userMessageId: string) => OutboxMessageInput[];
  /** The data-tool calls of the answer (tool_executions rows), when it made any. */
  toolExecutions?: readonly ToolExecutionWrite[];
}

/** How a stored turn ended, for its audit row. */
export function turnOutcome(record: Pick<TurnRecord, 'handoff' | 'unanswered' | 'assistant'>): string {
  if (record.handoff) return 'handed_off';
  if (record.assistant.interrupted) return 'cancelled';
  return record.unanswered ? 'unanswered' : 'answered';
}

/**
 * The turn's audit row (docs/adr/0023-audit-trail.md): who (the session: visitors have no
 * account), which session and turn, the outcome, the model and token counts. Never the text.
 */
function turnAuditEntry(record: TurnRecord): AuditEntry {
  const a = record.assistant;
  return {
    tenantId: record.tenantId,
    actor: { type: 'session', id: record.sessionId },
    action: 'chat.turn',
    targetType: 'chat_session',
    targetId: record.sessionId,
    data: {
      turnId: record.turnId,
      messageId: a.id,
      outcome: turnOutcome(record),
      escalated: record.needsHuman,
      provider: a.provider,
      model: a.model,
      tokensIn: a.inputTokens,
      tokensOut: a.outputTokens,
      toolCalls: record.toolExecutions?.length ?? 0,
    },
  };
}

/**
 * The audit row of a turn that failed (nothing else of it is stored): outcome `error` and the
 * error code, in a transaction of its own.
 */
export async function persistFailedTurnAudit(
  db: TenantDb,
  turn: { tenantId: string; sessionId: string; turnId: string; code: string },
): Promise<void> {
  await db.batch(
    turn.tenantId,
    (c) => [
      auditAppend(c, {
        tenantId: turn.tenantId,
        actor: { type: 'session', id: turn.sessionId },
        action: 'chat.turn',
        targetType: 'chat_session',
        targetId: turn.sessionId,
        data: { turnId: turn.turnId, outcome: 'error', code: turn.code },
      }),
    ],
    { maxWaitMs: TURN_TX_MAX_WAIT_MS },
  );
}

/**
 * The turn's write as one statement (data-modifying CTEs), keyed on the session row: the session's
 * counters and flags are updated first (`s`, under RLS: only the transaction's tenant's session),
 * and every other row is inserted FROM s, so when the session is not this tenant's (or is gone)
 * nothing at all is written and the statement returns no row. The audit row is appended in the
 * final SELECT, once, also only for a found session. Foreign keys between the new rows (signals ->
 * user message) are checked at the end of the statement, when all of them exist. The text is fixed
 * (a varying number of signals, tool calls and outbox rows arrive as JSON arrays), so each
 * connection prepares and plans it once.
 */
const PERSIST_TURN_SQL = `
WITH s AS (
  UPDATE chat_sessions
     SET message_count = message_count + 2,
         last_activity_at = $3::timestamptz,
         needs_human = needs_human OR $4::boolean,
         mode = CASE WHEN $5::boolean THEN 'human'::chat_session_mode ELSE mode END
   WHERE id = $2::uuid AND tenant_id = $1::uuid
   RETURNING id),
m AS (
  INSERT INTO chat_messages (id, tenant_id, session_id, turn_id, role, content, created_at,
                             tokens_in, tokens_out, provider, model, latency_ms, interrupted)
  SELECT v.id, $1::uuid, s.id, $6::uuid, v.role, v.content, v.created_at,
         v.tokens_in, v.tokens_out, v.provider, v.model, v.latency_ms, v.interrupted
    FROM s, (VALUES ($7::uuid, 'user'::message_role, $8::text, $9::timestamptz, 0, 0, NULL::text, NULL::text, NULL::int, false),
                    ($10::uuid, 'assistant'::message_role, $11::text, $12::timestamptz, $13::int, $14::int, $15::text, $16::text, $17::int, $18::boolean))
         AS v(id, role, content, created_at, tokens_in, tokens_out, provider, model, latency_ms, interrupted)
  RETURNING id),
sig AS (
  INSERT INTO message_signals (tenant_id, message_id, session_id, source, kind, label, score, data)
  SELECT $1::uuid, $7::uuid, s.id, x.source, x.kind, x.label, x.score, COALESCE(x.data, '{}'::jsonb)
    FROM s, jsonb_to_recordset($19::jsonb) AS x(source text, kind text, label text, score float8, data jsonb)
  ON CONFLICT DO NOTHING),
te AS (
  INSERT INTO tool_executions (id, tenant_id, session_id, message_id, tenant_tool_id, integration_id, tool_key, status,
                               input, output, failure, error, cache_hit, latency_ms, created_at, finished_at)
  SELECT x.id, $1::uuid, s.id, x.message_id, x.tenant_tool_id, x.integration_id, x.tool_key, x.status::tool_execution_status,
         COALESCE(x.input, '{}'::jsonb), x.output, x.failure, x.error, x.cache_hit, x.latency_ms, x.created_at, x.finished_at
    FROM s, jsonb_to_recordset($20::jsonb) AS x(id uuid, message_id uuid, tenant_tool_id uuid, integration_id uuid, tool_key text,
                                               status text, input jsonb, output jsonb, failure text, error text, cache_hit boolean,
                                               latency_ms int, created_at timestamptz, finished_at timestamptz)),
o AS (${outboxInsertFromJson(21, 's')})
SELECT (SELECT count(*)::int FROM m) AS messages,
       (SELECT count(*)::int FROM o) AS outbox,
       audit_append($1::uuid, $22::text, $23::text, $24::text, $25::text, $26::text, $27::jsonb, $28::text)::text AS audit_id
  FROM s`;

/** A message_signals row of the turn's user message (persistTurn's $19 array). */
interface SignalRowJson {
  source: string;
  kind: string;
  label: string;
  score: number;
  data: Record<string, unknown>;
}

/**
 * One transaction, one statement (PERSIST_TURN_SQL through TenantDb.statement(): BEGIN,
 * set_config, the statement, COMMIT pipelined on one connection, no Prisma client work): the
 * user message, the assistant message, a message_signals row per finding (source l1a, plus the
 * offline responder's unanswered question), the tool calls of the answer, the session's counters
 * and flags, the outbox rows (the relay publishes each with Nats-Msg-Id = its id) and the turn's
 * audit row. The commit is an ordinary durable one (synchronous_commit as configured): when this
 * resolves, the turn is on disk; when it rejects, nothing of it is. A session that is not the
 * tenant's writes nothing and fails with NOT_FOUND; a turnId stored before fails with a unique
 * violation. Returns the user message id.
 */
export async function persistTurn(db: TenantDb, record: TurnRecord): Promise<string> {
  const a = record.assistant;
  const userId = randomUUID();
  const wire = toWireSignals(record.findings);
  const signalRows: SignalRowJson[] = record.findings.map((f, i) => ({
    source: 'l1a',
    kind: wire[i].kind,
    label: wire[i].label,
    score: f.confidence,
    data: { type: f.type, subtype: f.subtype, severity: f.severity, evidence: { ...f.evidence } },
  }));
  if (record.unanswered) {
    signalRows.push({ source: 'offline', kind: 'intent', label: UNANSWERED_LABEL, score: 1, data: { reason: 'no_knowledge_match' } });
  }
  const tools = (record.toolExecutions ?? []).map((t) => ({
    id: t.id,
    message_id: t.messageId,
    tenant_tool_id: t.tenantToolId,
    integration_id: t.integrationId,
    tool_key: t.toolKey,
    status: t.status,
    input: t.input,
    output: t.output ?? null,
    failure: t.failure,
    error: t.error,
    cache_hit: t.cacheHit,
    latency_ms: Math.round(t.latencyMs),
    created_at: t.createdAt,
    finished_at: t.finishedAt,
  }));
  const audit = turnAuditEntry(record);
  const [row] = await db.statement<{ messages: number; outbox: number; audit_id: string }>(
    record.tenantId,
    {
      text: PERSIST_TURN_SQL,
      values: [
        record.tenantId,
        record.sessionId,
        new Date(),
        record.needsHuman,
        record.handoff,
        record.turnId,
        userId,
        record.userText,
        record.userAt,
        a.id,
        a.content,
        // Strictly after the user message, so history orders the pair even within one millisecond.
        new Date(Math.max(a.at.getTime(), record.userAt.getTime() + 1)),
        a.inputTokens,
        a.outputTokens,
        a.provider,
        a.model,
        Math.round(a.latencyMs),
        a.interrupted,
        JSON.stringify(signalRows),
        JSON.stringify(tools),
        outboxRowsJson(record.outbox(userId)),
        audit.actor.type,
        audit.actor.id,
        audit.action,
        audit.targetType,
        audit.targetId,
        JSON.stringify(audit.data ?? {}),
        audit.requestId ?? null,
      ],
    },
    // It waits for the tenant's audit chain lock while holding its connection: never in the way of the next turn's read.
    { write: true },
  );
  if (!row) throw new ChatError('NOT_FOUND', `session ${record.sessionId} not found`);
  return userId;
}
