import { isUnmetQuestion, redactPii, type Extraction } from '@parley/signals';
import { sentimentLabel } from '../extraction/interaction-aggregate.calculator';
import type { StoredPreference } from '../extraction/preferences.util';

// L2, deterministic: a closed session's outcome, profile summary, unmet needs, sentiment
// trajectory, topics and follow-up actions, from what L1a/L1b already stored per message.

export interface SessionMessage {
  id: string;
  role: 'user' | 'assistant' | 'staff' | 'system' | 'tool';
  content: string;
}

export interface SummaryInput {
  messages: readonly SessionMessage[];
  /** L1b extraction of each customer message, by message id. */
  extractions: ReadonlyMap<string, Extraction>;
  /** Customer messages the bot could not answer (chat records them as unanswered questions). */
  unansweredQuestionIds: ReadonlySet<string>;
  /** L1a urgency of customer messages flagged high or critical. */
  urgentMessageIds: ReadonlySet<string>;
  needsHuman: boolean;
  /** The visitor asked for a person (an L1a escalation finding), whether or not the tenant hands over. */
  askedForPerson?: boolean;
  contact: { name: string | null; email: string | null; phone: string | null; preferences: readonly StoredPreference[] } | null;
  intent: string | null;
  products: readonly string[];
  lead: boolean;
  /** Names known in the session (the contact's, earlier ones included): redacted from unmet needs and topics. */
  knownNames?: readonly string[];
  /** The tenant's country (local phone numbers are redacted in it). */
  country?: string;
}

export interface FollowUp {
  action: string;
  due: string | null;
}

export interface SessionSummaryResult {
  outcome: 'resolved' | 'unresolved' | 'needs_follow_up';
  summary: string;
  topics: string[];
  unmetNeeds: string[];
  sentimentStart: number | null;
  sentimentEnd: number | null;
  followUps: FollowUp[];
}

const DAY =
  /\b(today|tonight|tomorrow|this (?:morning|afternoon|evening|week(?:end)?)|next week|(?:on |this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
const CALLBACK = /\b(?:call|ring|phone|text|contact)\s+(?:me|us)\b|\bcall\s*back\b|\bget back to me\b/i;
const MAX_NEED_CHARS = 200;

function firstDay(texts: readonly string[]): string | null {
  for (const text of texts) {
    const match = DAY.exec(text);
    if (match) return match[1].replace(/^(on|this|next)\s+/i, (m) => m.toLowerCase()).trim();
  }
  return null;
}

function who(contact: SummaryInput['contact']): string {
  return contact?.name ?? 'The customer';
}

function reach(contact: SummaryInput['contact']): string | null {
  return contact?.phone ?? contact?.email ?? null;
}

export function summarizeSession(input: SummaryInput): SessionSummaryResult {
  const customerMessages = input.messages.filter((m) => m.role === 'user');
  const scores = customerMessages
    .map((m) => input.extractions.get(m.id)?.sentiment.score)
    .filter((s): s is number => typeof s === 'number');
  const sentimentStart = scores.length > 0 ? scores[0] : null;
  const sentimentEnd = scores.length > 0 ? scores[scores.length - 1] : null;

  // An unmet need is stored in the tenant's insights (an aggregate that outlives the contact):
  // only a real question the bot could not answer, never a statement or a request to be called,
  // and with every email, phone, postcode, card number and name redacted (issue 15 point 5).
  const names = [
    ...(input.knownNames ?? []),
    ...(input.contact?.name ? [input.contact.name] : []),
    ...[...input.extractions.values()].flatMap((e) => e.contacts.filter((c) => c.field === 'name').map((c) => c.value)),
  ];
  const redact = (text: string) => redactPii(text, { names, ...(input.country ? { country: input.country } : {}) });
  const unmetNeeds = [
    ...new Set(
      input.messages
        .filter((m) => m.role === 'user' && input.unansweredQuestionIds.has(m.id) && isUnmetQuestion(m.content))
        .map((m) => redact(m.content.trim()).slice(0, MAX_NEED_CHARS)),
    ),
  ];

  const texts = customerMessages.map((m) => m.content);
  const purchase = new Set(customerMessages.flatMap((m) => input.extractions.get(m.id)?.purchaseSignals.map((s) => s.kind) ?? []));
  const wantsCallback = texts.some((t) => CALLBACK.test(t)) || customerMessages.some((m) => input.urgentMessageIds.has(m.id));
  const day = firstDay(texts);
  const avoid = input.contact?.preferences.filter((p) => p.kind === 'avoid').map((p) => `not ${p.value.replace(/^phone /, '')}`) ?? [];
  const followUps: FollowUp[] = [];
  const contactAt = reach(input.contact);
  if (wantsCallback && contactAt) {
    followUps.push({
      action: `Call ${who(input.contact)} back on ${contactAt}${avoid.length > 0 ? ` (${avoid.join('; ')})` : ''}`,
      due: day,
    });
  }
  if (purchase.has('booking_request') || purchase.has('availability_question')) {
    followUps.push({
      action: `Confirm the booking${input.products.length > 0 ? ` for ${input.products.slice(0, 3).join(', ')}` : ''}`,
      due: day,
    });
  } else if ((purchase.has('quote_request') || purchase.has('price_question')) && contactAt) {
    followUps.push({
      action: `Send ${who(input.contact)} a quote${input.products.length > 0 ? ` for ${input.products.slice(0, 3).join(', ')}` : ''}`,
      due: day,
    });
  }
  // A request for a person is a follow-up even when the tenant does not hand chats over: before,
  // it counted as an unmet need only because its text was stored as one.
  if (input.needsHuman || input.askedForPerson) followUps.push({ action: 'Reply to the customer: they asked for a person', due: null });
  if (unmetNeeds.length > 0)
    followUps.push({ action: `Add to the knowledge base: ${unmetNeeds.length} question(s) the bot could not answer`, due: null });

  const topics = [...new Set([...(input.intent && input.intent !== 'other' ? [input.intent] : []), ...input.products.map(redact)])].slice(
    0,
    10,
  );
  const outcome: SessionSummaryResult['outcome'] =
    followUps.length > 0
      ? 'needs_follow_up'
      : unmetNeeds.length > 0 || (sentimentEnd !== null && sentimentEnd <= -0.2)
        ? 'unresolved'
        : 'resolved';

  const parts = [
    `${who(input.contact)}${contactAt ? ` (${contactAt})` : ''}`,
    input.intent && input.intent !== 'other'
      ? `${input.intent}${input.products.length > 0 ? ` about ${input.products.slice(0, 3).join(', ')}` : ''}`
      : null,
    input.lead ? 'showed purchase intent' : null,
    sentimentStart !== null && sentimentEnd !== null
      ? `sentiment ${sentimentLabel(sentimentStart)} to ${sentimentLabel(sentimentEnd)}`
      : null,
    input.contact?.preferences.length ? `preferences: ${input.contact.preferences.map((p) => `${p.kind} ${p.value}`).join('; ')}` : null,
    unmetNeeds.length > 0 ? `${unmetNeeds.length} unanswered question(s)` : null,
    `${customerMessages.length} message(s)`,
  ].filter((p): p is string => p !== null);
  return { outcome, summary: `${parts.join('; ')}.`, topics, unmetNeeds, sentimentStart, sentimentEnd, followUps };
}
