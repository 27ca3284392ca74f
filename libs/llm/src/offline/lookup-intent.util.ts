import { findEmails } from '../pii/email.detector';
import { findPhones } from '../pii/phone.detector';

// The live-data questions the offline responder recognises in an English message (issue 17):
// stock or price of a product, the status or tracking of an order, opening hours and free slots.
// Deliberately narrow: a message that only mentions an order or asks about a policy is left to
// the knowledge answer.

export type ProductAsk = 'stock' | 'price' | 'have';

export type LookupIntent =
  | { kind: 'product'; phrase: string; ask: ProductAsk }
  | { kind: 'order'; orderNumber: string; email: string | null; phone: string | null; tracking: boolean }
  /** An order question without what a lookup needs: ask for it instead. */
  | { kind: 'order_details_needed'; orderNumber: string | null; tracking: boolean }
  | { kind: 'hours'; day: LookupDay | null; slots: boolean };

/** A day the visitor named: `weekday` 0 = Sunday, `date` the next such day (UTC, today included). */
export interface LookupDay {
  label: string;
  weekday: number;
  date: string;
}

/** What the offline responder says when it needs order details; a later message that gives them continues the lookup. */
export const ASK_ORDER_CONTACT = 'the email address or phone number the order was placed with';
export const ASK_ORDER_NUMBER = "what's your order number";

const ORDER_NUMBER = [
  /(?:^|[\s(])#\s?([A-Za-z0-9-]*\d[A-Za-z0-9-]*)/,
  /\border\s*(?:number|no\.?|num|nr|id|ref(?:erence)?|#)\s*(?:is|was|:)?\s*#?\s*([A-Za-z0-9-]*\d[A-Za-z0-9-]*)/i,
  /\border\s+([A-Za-z]{0,5}-?\d{3,}[A-Za-z0-9-]*)/i,
];
const ORDER_STATUS =
  /\b(where(?:'s| is| are)|status|track|tracking|shipped|dispatched|sent|deliver(?:y|ed)?|arriv\w*|parcel|package|when will|has (?:it|my)|update on|happened to|what about)\b/i;
const ORDER_WORD = /\b(order|parcel|package|shipment|delivery)\b/i;
// Changing an order is not a lookup ("can I cancel order #884?"): the knowledge or a person answers.
const ORDER_CHANGE = /\b(cancel|change|amend|modify|return|exchange|complain|complaint)\b/i;
const TRACKING = /\b(track|tracking|parcel|package|shipment|courier|carrier)\b/i;
const LOOSE_PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{6,}\d(?![\p{L}\p{N}])/u;
const PHONE_WORDS = /\b(number|phone|mobile|cell|tel|whatsapp)\b/i;

const HOURS = [
  /\b(?:are|is) (?:you|the (?:shop|store|office))\s+(?:still\s+)?open\b/i,
  /\bopening (?:hours|times)\b/i,
  /\b(?:business|store|shop|office|your) hours\b/i,
  /\bwhat time do you (?:open|close|shut)\b/i,
  /\bwhen (?:are you|do you|does the (?:shop|store)) (?:open|close|shut)\b/i,
  /\b(?:open|closed) (?:on|this|today|tomorrow|at the weekend|on the weekend)\b/i,
  /\bhours (?:on|today|tomorrow|this)\b/i,
];
const SLOTS =
  /\b(slots?|free (?:times|appointments?)|appointments? (?:available|free|left)|any appointments?|availability (?:on|for|today|tomorrow|this))\b/i;

const STOCK = /\b(in stock|out of stock|back in stock|available|availability|sold out|stock of)\b|\bleft\s*[?!.]*$/i;
// Stock words in the middle of a phrase ("the hoodie available in blue").
const STOCK_INSIDE = /\s+(?:still\s+)?(?:in stock|available|for sale)(?=\s)/gi;
const PRICE = /\b(how much|price|prices|pricing|cost|costs)\b/i;
const HAVE =
  /^(?:(?:do|does) (?:you|ya|the (?:shop|store)) (?:still |currently )?(?:have|sell|stock|carry|do)|have you (?:still )?got|got any)\b/i;

// Things a shop has that are not products: left to the knowledge answer.
const NOT_PRODUCTS =
  /\b(hours|opening|slots?|appointments?|availability|website|e-?mail|address|phone|number|vat|tax|visits?|parking|returns?|refunds?|policy|policies|delivery|shipping|postage|discounts?|vouchers?|gift cards?|jobs?|vacanc\w+|wifi|toilets?|questions?|order|orders|account|newsletter|warranty|guarantee)\b/i;

// Words that make a phrase a sentence or a reference ("the blue one", "what are your"), not a product name.
const NOT_IN_PRODUCT_NAMES = new Set(
  `i i'm me my we our us you your it it's its they them their he she this that these those what which who how why when
  can could would will should charge including cheaper anything something one ones stock`.split(/\s+/),
);

const LEADING = [
  /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b[\s,!.]*/i,
  /^(?:please|quick question|excuse me|sorry)\b[\s,:]*/i,
  /^(?:can|could) you (?:please )?tell me\b\s*(?:if|whether)?\s*/i,
  /^(?:i(?:'d| would) like to know|i want to know|i was wondering|i wonder)\b\s*(?:if|whether)?\s*/i,
  /^(?:(?:do|does) (?:you|ya|the (?:shop|store)) (?:still |currently )?(?:have|sell|stock|carry|do))\b\s*/i,
  /^(?:have you (?:still )?got|got)\b\s*/i,
  /^how much (?:is|are|does|do|for|would|will)\b\s*/i,
  /^how much\b\s*/i,
  /^what(?:'s| is| are| would be) the (?:price|prices|cost)s? (?:of|for)\b\s*/i,
  /^(?:the )?(?:price|cost)s? (?:of|for)\b\s*/i,
  /^is there (?:any )?(?:stock of|stock for)\b\s*/i,
  /^(?:is|are) there\b\s*/i,
  /^(?:is|are)\b\s*/i,
  /^(?:the|a|an|any|some|your|this|these|those|that|one)\b\s*/i,
];
const TRAILING = [
  /[\s?!.,;:]+$/,
  /\s*\b(?:please|thanks|thank you|right now|at the moment|currently|today|now|still|anymore|at all)$/i,
  /\s*\b(?:in stock|out of stock|back in stock|available|available to buy|for sale|in (?:the )?(?:shop|store)|online|left|sold out|cost|costs|go for|price|prices|be|is|are)$/i,
  /\s*\bin size \w+$/i,
  /\s*\b(?:do|does) (?:you|they) have$/i,
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The first recognised live-data question of `message`, or null. `earlier` = the visitor's earlier messages, oldest first. */
export function recogniseLookup(message: string, earlier: readonly string[], lastAssistant: string | null, now: Date): LookupIntent | null {
  return orderIntent(message, earlier, lastAssistant) ?? hoursIntent(message, now) ?? productIntent(message);
}

function orderIntent(message: string, earlier: readonly string[], lastAssistant: string | null): LookupIntent | null {
  if (ORDER_CHANGE.test(message) && !ORDER_STATUS.test(message)) return null;
  const tracking = TRACKING.test(message);
  const contact = contactIn(message);
  let orderNumber = orderNumberIn(message);
  const asked = lastAssistant !== null && /order/i.test(lastAssistant) && lastAssistant.toLowerCase().includes(ASK_ORDER_CONTACT);
  if (orderNumber === null) {
    // "jo@example.com" right after the responder asked for it continues the earlier order question.
    if (!asked || (contact.email === null && contact.phone === null)) {
      const statusAsk = ORDER_WORD.test(message) && ORDER_STATUS.test(message) && /\b(my|our|the)\b/i.test(message);
      return statusAsk ? { kind: 'order_details_needed', orderNumber: null, tracking } : null;
    }
    orderNumber =
      [...earlier]
        .reverse()
        .map(orderNumberIn)
        .find((n) => n !== null) ?? null;
    if (orderNumber === null) return { kind: 'order_details_needed', orderNumber: null, tracking };
  } else if (!ORDER_WORD.test(message) && !ORDER_STATUS.test(message)) {
    // "is item #42 in stock?" is not an order question.
    return null;
  }
  const earlierContact = [...earlier].reverse().map(contactIn);
  const email = contact.email ?? earlierContact.find((c) => c.email !== null)?.email ?? null;
  const phone = contact.phone ?? earlierContact.find((c) => c.phone !== null)?.phone ?? null;
  const wasTracking = tracking || (asked && earlier.length > 0 && TRACKING.test(earlier[earlier.length - 1]));
  if (email === null && phone === null) return { kind: 'order_details_needed', orderNumber, tracking: wasTracking };
  return { kind: 'order', orderNumber, email, phone, tracking: wasTracking };
}

/** An order number the message gives ("order #1001", "#A-1001", "order number 55512"), without the '#'. */
export function orderNumberIn(text: string): string | null {
  for (const pattern of ORDER_NUMBER) {
    const found = pattern.exec(text)?.[1];
    if (found !== undefined && found.length >= 2 && found.length <= 64) return found.replace(/-+$/, '');
  }
  return null;
}

function contactIn(text: string): { email: string | null; phone: string | null } {
  const email = findEmails(text)[0];
  const phone = findPhones(text)[0];
  let phoneText = phone ? text.slice(phone.start, phone.end) : null;
  if (phoneText === null && PHONE_WORDS.test(text)) {
    const loose = LOOSE_PHONE.exec(text)?.[0];
    if (loose !== undefined && loose.replace(/\D/g, '').length >= 7) phoneText = loose.trim();
  }
  return { email: email ? text.slice(email.start, email.end) : null, phone: phoneText };
}

function hoursIntent(message: string, now: Date): LookupIntent | null {
  const slots = SLOTS.test(message);
  if (!slots && !HOURS.some((pattern) => pattern.test(message))) return null;
  return { kind: 'hours', day: dayIn(message, now), slots };
}

/** The day a message names: today, tomorrow, a weekday, or an ISO date. */
export function dayIn(message: string, now: Date): LookupDay | null {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const at = (offset: number, label: string): LookupDay => {
    const day = new Date(today.getTime() + offset * 86_400_000);
    return { label, weekday: day.getUTCDay(), date: day.toISOString().slice(0, 10) };
  };
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(message)?.[1];
  if (iso !== undefined && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) {
    const day = new Date(`${iso}T00:00:00Z`);
    return { label: iso, weekday: day.getUTCDay(), date: iso };
  }
  if (/\btoday\b|\btonight\b/i.test(message)) return at(0, 'today');
  if (/\btomorrow\b/i.test(message)) return at(1, 'tomorrow');
  const lower = message.toLowerCase();
  const weekday = WEEKDAYS.findIndex((name) => new RegExp(`\\b${name}s?\\b`).test(lower));
  if (weekday === -1) return null;
  const label = WEEKDAYS[weekday][0].toUpperCase() + WEEKDAYS[weekday].slice(1);
  return at((weekday - today.getUTCDay() + 7) % 7, label);
}

function productIntent(message: string): LookupIntent | null {
  for (const clause of message.split(/(?<=[?!.])\s+|\n+/)) {
    const text = clause.trim();
    const ask: ProductAsk | null = PRICE.test(text)
      ? 'price'
      : STOCK.test(text)
        ? 'stock'
        : HAVE.test(stripLeading(text, 2))
          ? 'have'
          : null;
    if (ask === null) continue;
    const phrase = productPhrase(text);
    if (phrase !== null) return { kind: 'product', phrase, ask };
  }
  return null;
}

function stripLeading(text: string, patterns: number): string {
  let out = text;
  for (const pattern of LEADING.slice(0, patterns)) out = out.replace(pattern, '');
  return out;
}

/** The product a stock or price question is about ("Do you have the iPhone 15 in stock?" -> "iPhone 15"), or null. */
export function productPhrase(question: string): string | null {
  let phrase = question.trim().replace(STOCK_INSIDE, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const pattern of [...LEADING, ...TRAILING]) {
      const next = phrase.replace(pattern, '').trim();
      if (next !== phrase) {
        phrase = next;
        changed = true;
      }
    }
  }
  // "hoodie in blue" -> "hoodie blue": a search matches the colour or size as a word.
  phrase = phrase.replace(/\s+in\s+(?!(?:the|a|an|stock|store|shop)$)([\p{L}\p{N}-]+)$/iu, ' $1');
  phrase = phrase.replace(/\s+/g, ' ').replace(/^["'“‘]+|["'”’]+$/g, '');
  const words = phrase.split(' ').filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 8 || phrase.length > 80 || !/[\p{L}\p{N}]/u.test(phrase)) return null;
  if (NOT_PRODUCTS.test(phrase) || words.some((w) => NOT_IN_PRODUCT_NAMES.has(w.toLowerCase()))) return null;
  return phrase;
}
