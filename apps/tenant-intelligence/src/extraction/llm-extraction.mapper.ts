import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import type { CommunicationPreference, ContactMention, Evidence, Extraction, Intent, PurchaseSignal } from '@parley/signals';

// The structured L1b extraction a tenant's model gives, and how it is merged with the
// deterministic one. The model only fills gaps and breaks ties: every value it proposes must
// be grounded in the message (found in its text), so a hallucinated email or name is dropped.

const INTENTS = ['enquiry', 'booking', 'complaint', 'support', 'pricing', 'cancellation', 'other'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const llmExtractionSchema = z.object({
  customer: z.object({ name: z.string().max(100).nullable(), email: z.string().max(320).nullable(), phone: z.string().max(40).nullable() }),
  intent: z.enum(INTENTS),
  sentiment: z.number().min(-1).max(1),
  products: z.array(z.string().min(1).max(100)).max(10),
  purchaseIntent: z.boolean(),
  preferences: z
    .array(
      z.object({
        channel: z.enum(['email', 'phone', 'sms', 'whatsapp']).nullable(),
        avoid: z.boolean(),
        from: z.string().regex(HHMM).nullable(),
        to: z.string().regex(HHMM).nullable(),
      }),
    )
    .max(5),
  /**
   * The second opinion on the inline signals (issue 15 point 4). Optional: a model that leaves it
   * out still gives its extraction; there is then no second opinion for the message.
   */
  risk: z.object({ urgent: z.boolean(), safety: z.boolean() }).optional(),
});
export type LlmExtraction = z.infer<typeof llmExtractionSchema>;

export const LLM_EXTRACTION_SYSTEM_PROMPT = [
  'You extract CRM facts from ONE message a customer wrote to a business chatbot.',
  'Answer with one JSON object and nothing else, exactly this shape:',
  '{"customer":{"name":string|null,"email":string|null,"phone":string|null},',
  '"intent":"enquiry"|"booking"|"complaint"|"support"|"pricing"|"cancellation"|"other",',
  '"sentiment":number from -1 (very negative) to 1 (very positive),',
  '"products":[products or services the customer mentions],',
  '"purchaseIntent":boolean (they want to buy, book or get a quote),',
  '"preferences":[{"channel":"email"|"phone"|"sms"|"whatsapp"|null,"avoid":boolean,"from":"HH:MM"|null,"to":"HH:MM"|null}],',
  '"risk":{"urgent":boolean (they need help within hours: an emergency, something failing now, harm, a deadline today or tomorrow),',
  '"safety":boolean (a person may be in danger: a medical emergency, self-harm, violence, gas, fire, smoke, water near electrics)}}',
  "Rules: only the customer's OWN name, email and phone (not a third person's, not an order number, price, date or postcode);",
  'copy values exactly as written in the message; use null when absent; never invent anything.',
  'Placeholders such as [EMAIL_1_AB12] stand for real values: copy them unchanged.',
  'For risk, read what is happening, in any language; figures of speech ("this price is killing me"), past events and questions about a service are not risks.',
].join('\n');

export const LLM_CONFIDENCE = 0.6;
const SENTIMENT_NEUTRAL_BAND = 0.2;

function find(text: string, value: string): Evidence | null {
  const at = text.toLowerCase().indexOf(value.toLowerCase());
  return at < 0 ? null : { start: at, end: at + value.length, text: text.slice(at, at + value.length) };
}

function titleCase(name: string): string {
  return name.replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function mention(field: ContactMention['field'], value: string, evidence: Evidence): ContactMention {
  return { field, value, confidence: LLM_CONFIDENCE, evidence, owner: 'customer', correction: false };
}

function groundedContacts(text: string, llm: LlmExtraction, country?: string): Partial<Record<ContactMention['field'], ContactMention>> {
  const out: Partial<Record<ContactMention['field'], ContactMention>> = {};
  const { name, email, phone } = llm.customer;
  if (email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    const evidence = find(text, email);
    if (evidence) out.email = mention('email', email.toLowerCase(), evidence);
  }
  if (phone) {
    const evidence = find(text, phone);
    const region = country && isSupportedCountry(country) ? country : 'GB';
    const parsed = parsePhoneNumberFromString(phone, region);
    // isPossible, like the rules: Ofcom's drama ranges (07700 900xxx) are not "valid" yet real-looking.
    if (evidence && parsed?.isPossible()) out.phone = mention('phone', parsed.number, evidence);
  }
  if (name && name.trim().length >= 2) {
    const evidence = find(text, name.trim());
    if (evidence) out.name = mention('name', titleCase(name.trim()), evidence);
  }
  return out;
}

function purchaseKind(intent: Intent): PurchaseSignal['kind'] {
  if (intent === 'booking') return 'booking_request';
  if (intent === 'pricing') return 'price_question';
  return 'ready_to_buy';
}

/**
 * Deterministic first: its contact fields, specific intents and signals stand. The model adds
 * grounded contact fields the rules missed, decides the intent when the rules found only
 * 'other' or were unsure or only the learned intent model decided, moves the sentiment towards its own score, and adds grounded
 * products, a purchase signal and preferences the rules did not see.
 */
export function mergeLlmExtraction(text: string, det: Extraction, llm: LlmExtraction, country?: string): Extraction {
  const llmContacts = groundedContacts(text, llm, country);
  const customer = { ...det.customer };
  const contacts = [...det.contacts];
  for (const field of ['name', 'email', 'phone'] as const) {
    const proposed = llmContacts[field];
    if (customer[field] || !proposed || det.refusals.includes(field)) continue;
    // A value the rules attributed to a third party stays theirs.
    if (det.contacts.some((c) => c.field === field && c.owner === 'third_party' && c.value.toLowerCase() === proposed.value.toLowerCase()))
      continue;
    customer[field] = proposed;
    contacts.push(proposed);
  }

  const intent =
    det.intent.source === 'model' || det.intent.label === 'other' || det.intent.confidence < 0.5
      ? llm.intent !== 'other'
        ? { label: llm.intent, confidence: LLM_CONFIDENCE }
        : det.intent
      : det.intent;
  const score = Math.max(-1, Math.min(1, (det.sentiment.score + llm.sentiment) / 2));
  const label = score <= -SENTIMENT_NEUTRAL_BAND ? 'negative' : score >= SENTIMENT_NEUTRAL_BAND ? 'positive' : 'neutral';

  const known = new Set(det.products.map((p) => p.term.toLowerCase()));
  const products = [...det.products];
  for (const term of llm.products) {
    const evidence = find(text, term);
    if (!evidence || known.has(term.toLowerCase())) continue;
    known.add(term.toLowerCase());
    products.push({ term: term.toLowerCase(), source: 'noun_phrase', confidence: LLM_CONFIDENCE, evidence });
  }

  const purchaseSignals = [...det.purchaseSignals];
  if (llm.purchaseIntent && purchaseSignals.length === 0) {
    purchaseSignals.push({ kind: purchaseKind(intent.label), confidence: LLM_CONFIDENCE, evidence: { start: 0, end: text.length, text } });
  }

  const preferences: CommunicationPreference[] = [...det.preferences];
  for (const p of llm.preferences) {
    const same = preferences.some((q) => q.channel === (p.channel ?? undefined) && q.avoid === p.avoid);
    if (same) continue;
    const timeWindow = p.from || p.to ? { ...(p.from ? { from: p.from } : {}), ...(p.to ? { to: p.to } : {}) } : undefined;
    preferences.push({
      ...(p.channel ? { channel: p.channel } : {}),
      avoid: p.avoid,
      ...(timeWindow ? { timeWindow } : {}),
      evidence: { start: 0, end: text.length, text },
    });
  }

  return { ...det, contacts, customer, intent, sentiment: { score, label }, products, purchaseSignals, preferences };
}
