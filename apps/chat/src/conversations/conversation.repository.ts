// Queries behind the staff console's conversation list and transcript. Every function takes
// the TenantDb.run() transaction, so RLS hides other tenants' sessions, contacts, signals and
// summaries: a foreign session id behaves exactly like an unknown one.
import type { ConversationStatusFilter } from '@parley/contracts';
import type { Prisma, TenantTx } from '@parley/persistence';
import { sessionHistoryRows } from '../sessions/message.repository';

/** Signals read per session for its latest-signals list (the mapper keeps 5 distinct ones). */
const SIGNALS_PER_SESSION = 25;

export const CONVERSATION_INCLUDE = {
  contact: { select: { id: true, name: true, email: true, phone: true } },
  summary: { select: { id: true } },
  signals: {
    select: { kind: true, label: true, score: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SIGNALS_PER_SESSION,
  },
} satisfies Prisma.ChatSessionInclude;

export type ConversationRow = Prisma.ChatSessionGetPayload<{ include: typeof CONVERSATION_INCLUDE }>;

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

function statusWhere(status: ConversationStatusFilter | undefined): Prisma.ChatSessionWhereInput {
  switch (status) {
    case undefined:
      return {};
    case 'open':
    case 'closed':
      return { status };
    case 'handoff':
      return { status: 'open', OR: [{ needsHuman: true }, { mode: 'human' }] };
  }
}

/** `limit + 1` visitor sessions (never a staff assistant session), newest start first. */
export function findConversations(tx: TenantTx, filter: ConversationFilter): Promise<ConversationRow[]> {
  const { before } = filter;
  return tx.chatSession.findMany({
    where: {
      AND: [
        { staffUserId: null },
        statusWhere(filter.status),
        filter.since || filter.until
          ? { startedAt: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) } }
          : {},
        filter.contactId ? { contactId: filter.contactId } : {},
        filter.signal ? { signals: { some: { kind: filter.signal } } } : {},
        before ? { OR: [{ startedAt: { lt: before.createdAt } }, { startedAt: before.createdAt, id: { lt: before.id } }] } : {},
      ],
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: filter.limit + 1,
    include: CONVERSATION_INCLUDE,
  });
}

/** One visitor session with its contact, latest signals and summary marker; null when not visible or a staff assistant session. */
export async function findConversation(tx: TenantTx, sessionId: string): Promise<ConversationRow | null> {
  const row = await tx.chatSession.findUnique({ where: { id: sessionId }, include: CONVERSATION_INCLUDE });
  return row && row.staffUserId === null ? row : null;
}

const TRANSCRIPT_ROLES = ['user', 'assistant', 'staff'] as const;

/** `limit + 1` messages of the session older than `before`, newest first, with their signals. */
export function findTranscriptMessages(tx: TenantTx, sessionId: string, before: Position | null, limit: number) {
  return sessionHistoryRows(tx, sessionId, TRANSCRIPT_ROLES, before, limit + 1);
}
