/**
 * The owner assistant's conversation as the console shows it, built from the SSE frames of
 * POST /api/v1/admin/assistant (docs/adr/0026-owner-assistant.md): `token` frames append to the
 * answer, `operation` frames list what was proposed, performed, read or asked, then one `done`
 * (conversation id, the proposal waiting for "yes") or `error` (a problem).
 */
export type OperationStatus = 'proposed' | 'performed' | 'failed' | 'cancelled' | 'read' | 'asked';

export interface AssistantOperation {
  kind: string;
  status: OperationStatus;
  tenant_id: string | null;
  summary: string;
  proposal_id?: string;
  result?: Record<string, unknown>;
}

export interface PendingProposal {
  id: string;
  summary: string;
}

export interface AssistantTurn {
  id: number;
  message: string;
  answer: string;
  operations: AssistantOperation[];
  state: 'streaming' | 'done' | 'failed';
  error: string | null;
}

export interface Transcript {
  conversationId: string | null;
  turns: AssistantTurn[];
  pending: PendingProposal | null;
}

export const EMPTY_TRANSCRIPT: Transcript = { conversationId: null, turns: [], pending: null };

const STATUSES: readonly string[] = ['proposed', 'performed', 'failed', 'cancelled', 'read', 'asked'];

function operationOf(value: unknown): AssistantOperation | null {
  if (typeof value !== 'object' || value === null) return null;
  const op = value as Record<string, unknown>;
  if (typeof op.kind !== 'string' || typeof op.summary !== 'string' || !STATUSES.includes(op.status as string)) return null;
  return {
    kind: op.kind,
    status: op.status as OperationStatus,
    tenant_id: typeof op.tenant_id === 'string' ? op.tenant_id : null,
    summary: op.summary,
    ...(typeof op.proposal_id === 'string' ? { proposal_id: op.proposal_id } : {}),
    ...(typeof op.result === 'object' && op.result !== null ? { result: op.result as Record<string, unknown> } : {}),
  };
}

function pendingOf(value: unknown): PendingProposal | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  return typeof p.id === 'string' && typeof p.summary === 'string' ? { id: p.id, summary: p.summary } : null;
}

function errorText(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const e = value as Record<string, unknown>;
    const title = typeof e.title === 'string' ? e.title : 'The assistant failed';
    return typeof e.detail === 'string' ? `${title}: ${e.detail}` : title;
  }
  return 'The assistant failed';
}

/** A new turn for `message`, streaming; the proposal waiting before it is answered by this message either way. */
export function startTurn(transcript: Transcript, id: number, message: string): Transcript {
  return {
    ...transcript,
    pending: null,
    turns: [...transcript.turns, { id, message, answer: '', operations: [], state: 'streaming', error: null }],
  };
}

function updateTurn(transcript: Transcript, id: number, change: (turn: AssistantTurn) => AssistantTurn): Transcript {
  return { ...transcript, turns: transcript.turns.map((t) => (t.id === id ? change(t) : t)) };
}

/** One SSE frame of turn `id` applied; unknown frames change nothing. */
export function applyFrame(transcript: Transcript, id: number, frame: Record<string, unknown>): Transcript {
  switch (frame.type) {
    case 'token':
      return typeof frame.content === 'string'
        ? updateTurn(transcript, id, (t) => ({ ...t, answer: t.answer + frame.content }))
        : transcript;
    case 'operation': {
      const op = operationOf(frame.operation);
      return op ? updateTurn(transcript, id, (t) => ({ ...t, operations: [...t.operations, op] })) : transcript;
    }
    case 'done': {
      const next = updateTurn(transcript, id, (t) => ({ ...t, state: 'done' }));
      return {
        ...next,
        conversationId: typeof frame.conversation_id === 'string' ? frame.conversation_id : transcript.conversationId,
        pending: pendingOf(frame.pending_proposal),
      };
    }
    case 'error':
      return failTurn(transcript, id, errorText(frame.error));
    default:
      return transcript;
  }
}

/** The turn failed (a problem before the stream, a dropped connection, an `error` frame). */
export function failTurn(transcript: Transcript, id: number, error: string): Transcript {
  return updateTurn(transcript, id, (t) => ({ ...t, state: 'failed', error }));
}

/** A stream that ended without `done` or `error`: the answer is incomplete. */
export function endTurn(transcript: Transcript, id: number): Transcript {
  const turn = transcript.turns.find((t) => t.id === id);
  return turn?.state === 'streaming'
    ? failTurn(transcript, id, 'The answer was cut off; ask again to see where things stand.')
    : transcript;
}

/** The secrets a performed operation returned (a new API key, a new user's password): shown once, never stored by the console. */
export function secretsOf(op: AssistantOperation): Array<{ label: string; value: string }> {
  if (op.status !== 'performed' || !op.result) return [];
  const out: Array<{ label: string; value: string }> = [];
  if (typeof op.result.api_key === 'string') out.push({ label: 'API key', value: op.result.api_key });
  if (typeof op.result.password === 'string') out.push({ label: 'Password', value: op.result.password });
  return out;
}

export const STATUS_LABELS: Record<OperationStatus, string> = {
  proposed: 'Waiting for your confirmation',
  performed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  read: 'Read',
  asked: 'Which client?',
};
