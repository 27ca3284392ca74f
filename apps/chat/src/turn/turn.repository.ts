// Rows of one turn. prepareTurn() runs before generation; persistTurn() writes everything the
// turn produced in a single transaction with its outbox rows.
import type { ChatTurnResponse } from '@parley/contracts';
import type { ConversationMessage, KnowledgePassage } from '@parley/llm';
import { toJsonPayload, type ChatSessionModel, type Prisma, type OutboxMessageInput, type TenantTx } from '@parley/persistence';
import { toWireSignals, type SignalFinding } from '@parley/signals';
import { randomUUID } from 'node:crypto';
import { ChatError } from '../common/chat.errors';
import { toSignalViews } from '../common/signal-view.mapper';

export type PreparedTurn =
  | {
      kind: 'new';
      session: ChatSessionModel;
      recent: ConversationMessage[];
      firstTurn: boolean;
      /** Name of the contact linked at session start when they were known before this session. */
      returningName: string | null;
      /** Passages found inside this transaction (when the caller asked for it and the bot answers), else null. */
      knowledge: KnowledgePassage[] | null;
    }
  | { kind: 'stored'; response: ChatTurnResponse };

const HISTORY_ROWS = 50;
/** message_signals label of a question the offline responder could not answer from knowledge. */
export const UNANSWERED_LABEL = 'unanswered_question';

/**
 * Validates the session (unknown or another tenant's: NOT_FOUND; closed: CONFLICT), returns the
 * stored answer when this turnId already completed (a retry), else reads the recent history,
 * newest first. `search`, when given, runs in the same transaction for a session the bot
 * answers (one transaction fewer per turn). Read-only on purpose: a write here would cost a
 * second commit (WAL flush) per turn; the turn's transaction sets last_activity_at.
 */
export async function prepareTurn(
  tx: TenantTx,
  sessionId: string,
  turnId: string,
  search?: (tx: TenantTx) => Promise<KnowledgePassage[]>,
  staffUserId: string | null = null,
): Promise<PreparedTurn> {
  const session = await tx.chatSession.findUnique({ where: { id: sessionId } });
  // A visitor turn never reaches a staff assistant session, and a staff turn only its user's own.
  if (!session || session.staffUserId !== staffUserId) throw new ChatError('NOT_FOUND', `session ${sessionId} not found`);
  if (session.status !== 'open') {
    const stored = await findStoredTurn(tx, sessionId, turnId);
    if (stored) return { kind: 'stored', response: stored };
    throw new ChatError('CONFLICT', `session ${sessionId} is closed`);
  }
  // Per-user memory: a staff assistant turn sees its user's messages across all their sessions.
  const scope = staffUserId ? { session: { staffUserId } } : { sessionId };
  const rows = await tx.chatMessage.findMany({
    where: { ...scope, role: { in: ['user', 'assistant', 'staff'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: HISTORY_ROWS,
    select: { role: true, content: true, turnId: true },
  });
  if (rows.some((r) => r.turnId === turnId)) {
    const stored = await findStoredTurn(tx, sessionId, turnId);
    if (stored) return { kind: 'stored', response: stored };
  }
  const recent = rows.map((r): ConversationMessage => ({ role: r.role === 'user' ? 'user' : 'assistant', content: r.content }));
  // The first turn is the one with no earlier bot answer; only a long history needs a second look.
  const firstTurn = rows.some((r) => r.role === 'assistant')
    ? false
    : rows.length < HISTORY_ROWS || !(await tx.chatMessage.findFirst({ where: { ...scope, role: 'assistant' }, select: { id: true } }));
  const knowledge = search && session.mode === 'bot' ? await search(tx) : null;
  return { kind: 'new', session, recent, firstTurn, returningName: firstTurn ? await returningName(tx, session) : null, knowledge };
}

async function returningName(tx: TenantTx, session: ChatSessionModel): Promise<string | null> {
  if (!session.contactId) return null;
  const contact = await tx.tenantContact.findUnique({ where: { id: session.contactId }, select: { name: true, createdAt: true } });
  return contact?.name && contact.createdAt < session.startedAt ? contact.name : null;
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
}

/**
 * One transaction: the user message, the assistant message, a message_signals row per finding
 * (source l1a), the session's counters and flags, and the outbox rows. Returns the user message id.
 */
export async function persistTurn(tx: TenantTx, record: TurnRecord): Promise<string> {
  const a = record.assistant;
  const userId = randomUUID();
  const base = { tenantId: record.tenantId, sessionId: record.sessionId, turnId: record.turnId };
  await tx.chatMessage.createMany({
    data: [
      { ...base, id: userId, role: 'user', content: record.userText, createdAt: record.userAt },
      {
        ...base,
        id: a.id,
        role: 'assistant',
        content: a.content,
        tokensIn: a.inputTokens,
        tokensOut: a.outputTokens,
        provider: a.provider,
        model: a.model,
        latencyMs: Math.round(a.latencyMs),
        interrupted: a.interrupted,
        // Strictly after the user message, so history orders the pair even within one millisecond.
        createdAt: new Date(Math.max(a.at.getTime(), record.userAt.getTime() + 1)),
      },
    ],
  });
  const wire = toWireSignals(record.findings);
  const signalRows: Prisma.MessageSignalCreateManyInput[] = record.findings.map((f, i) => ({
    tenantId: record.tenantId,
    messageId: userId,
    sessionId: record.sessionId,
    source: 'l1a',
    kind: wire[i].kind,
    label: wire[i].label,
    score: f.confidence,
    data: { type: f.type, subtype: f.subtype, severity: f.severity, evidence: { ...f.evidence } },
  }));
  if (record.unanswered) {
    signalRows.push({
      tenantId: record.tenantId,
      messageId: userId,
      sessionId: record.sessionId,
      source: 'offline',
      kind: 'intent',
      label: UNANSWERED_LABEL,
      score: 1,
      data: { reason: 'no_knowledge_match' },
    });
  }
  if (signalRows.length > 0) await tx.messageSignal.createMany({ data: signalRows, skipDuplicates: true });
  await tx.chatSession.update({
    where: { id: record.sessionId },
    data: {
      messageCount: { increment: 2 },
      lastActivityAt: new Date(),
      ...(record.needsHuman ? { needsHuman: true } : {}),
      ...(record.handoff ? { mode: 'human' as const } : {}),
    },
    select: { id: true },
  });
  // One multi-row INSERT: the rows get consecutive seq values in this order (as enqueueOutbox would give them).
  const outbox = record.outbox(userId);
  await tx.outbox.createMany({
    data: outbox.map((m) => ({ subject: m.subject, payload: toJsonPayload(m.payload), headers: m.headers ?? {} })),
  });
  return userId;
}
