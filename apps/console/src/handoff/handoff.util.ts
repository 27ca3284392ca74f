import type { components } from '../api/schema.gen';

export type HandoffSession = components['schemas']['HandoffSessions']['items'][number];
export type Conversation = components['schemas']['ConversationDetail'];
export type ConversationMessage = Conversation['messages'][number];
export type Signal = ConversationMessage['signals'][number];

/** Longest reply a person may send (the gateway's StaffReplyRequest bound). */
export const MAX_REPLY_CHARS = 8000;

export const ROLE_LABEL: Record<ConversationMessage['role'], string> = { user: 'Visitor', assistant: 'Bot', staff: 'Staff' };

const KIND_LABEL: Record<Signal['kind'], string> = {
  urgency: 'Urgency',
  safety: 'Safety',
  escalation: 'Escalation',
  sentiment: 'Sentiment',
  intent: 'Intent',
  entity: 'Entity',
};

/** Signals worth a person's attention first: safety, urgency, escalation, then the rest. */
const KIND_ORDER: Signal['kind'][] = ['safety', 'urgency', 'escalation', 'sentiment', 'intent', 'entity'];

/** "Escalation: human_request" — a signal as a short tag. */
export function signalText(signal: Signal): string {
  return `${KIND_LABEL[signal.kind]}: ${signal.label.replace(/_/g, ' ')}`;
}

/** Whether a signal should stand out (red): safety findings, high urgency, negative sentiment. */
export function isAlarming(signal: Signal): boolean {
  if (signal.kind === 'safety') return true;
  if (signal.kind === 'urgency') return signal.label === 'high' || signal.label === 'critical';
  return signal.kind === 'sentiment' && signal.label === 'negative';
}

/** A message's signals, most important first, one tag per kind and label. */
export function orderedSignals(signals: readonly Signal[]): Signal[] {
  const seen = new Set<string>();
  return [...signals]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.score - a.score)
    .filter((signal) => {
      const key = `${signal.kind}:${signal.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Every distinct signal of a conversation, for its header. */
export function conversationSignals(messages: readonly ConversationMessage[]): Signal[] {
  return orderedSignals(messages.flatMap((message) => message.signals));
}

/** The reply to send, or the reason it cannot be sent. */
export function checkReply(text: string): { ok: true; content: string } | { ok: false; reason: string } {
  const content = text.trim();
  if (content === '') return { ok: false, reason: 'Write a reply first.' };
  if (content.length > MAX_REPLY_CHARS)
    return { ok: false, reason: `A reply can be at most ${MAX_REPLY_CHARS} characters (this one has ${content.length}).` };
  return { ok: true, content };
}

/** A session without a known person: the tenant's own user id, else a short form of the session id. */
export function sessionLabel(session: Pick<HandoffSession, 'id' | 'externalUserId'>): string {
  return session.externalUserId ?? `Visitor ${session.id.slice(0, 8)}`;
}

/** Who the visitor is, as far as the CRM knows. */
export function visitorName(conversation: Conversation['conversation']): string {
  const contact = conversation.contact;
  return contact?.name ?? contact?.email ?? contact?.phone ?? sessionLabel(conversation);
}

/** Human-readable state of a session in the queue or the conversation header. */
export function modeText(session: Pick<HandoffSession, 'mode' | 'needsHuman' | 'status'>): string {
  if (session.status === 'closed') return 'Closed';
  if (session.mode === 'human') return 'A person is answering';
  return session.needsHuman ? 'Waiting for a person' : 'The bot is answering';
}
