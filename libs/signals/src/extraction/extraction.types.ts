// Evidence spans are the L1a shape ({ start, end, text }); offsets index the string passed to extractMessage.
import type { Evidence } from '../signal.types';

/** L1b extraction: what one customer message says about the customer and what they want. */
export const INTENTS = ['enquiry', 'booking', 'complaint', 'support', 'pricing', 'cancellation', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** A name, email or phone number found in a message, and whose it is. */
export interface ContactMention {
  field: ContactField;
  /** Name in title case; email in lower case; phone in E.164. */
  value: string;
  confidence: number;
  evidence: Evidence;
  /** 'third_party' when it belongs to someone else ("my wife Sarah", "call my landlord on 07..."). */
  owner: 'customer' | 'third_party';
  /** The relation word that made it a third party's ("wife", "landlord", "his"), when known. */
  relation?: string;
  /** An explicit correction ("sorry, my number is actually ..."): it wins over earlier values. */
  correction: boolean;
}

export interface IntentResult {
  label: Intent;
  confidence: number;
  evidence?: Evidence;
  /** 'model' when the learned intent model decided (the rules found no cue); absent for the rules. */
  source?: 'model';
}

export interface SentimentResult {
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  label: SentimentLabel;
}

export interface ProductMention {
  term: string;
  /** 'catalogue' when it matched one of the tenant's terms, 'noun_phrase' otherwise. */
  source: 'catalogue' | 'noun_phrase';
  confidence: number;
  evidence: Evidence;
}

export const PURCHASE_SIGNAL_KINDS = [
  'price_question',
  'quote_request',
  'booking_request',
  'availability_question',
  'ready_to_buy',
] as const;
export type PurchaseSignalKind = (typeof PURCHASE_SIGNAL_KINDS)[number];

export interface PurchaseSignal {
  kind: PurchaseSignalKind;
  confidence: number;
  evidence: Evidence;
}

export const CHANNELS = ['email', 'phone', 'sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Times are 24-hour "HH:MM". `from` alone: not before it; `to` alone: not after it. */
export interface TimeWindow {
  from?: string;
  to?: string;
}

/**
 * A communication preference. avoid=false: the customer wants this channel (in the window, if any);
 * avoid=true: do not use the channel (in the window, if any). "don't call before 10am" is
 * { channel: 'phone', avoid: true, timeWindow: { to: '10:00' } }.
 */
export interface CommunicationPreference {
  channel?: Channel;
  avoid: boolean;
  timeWindow?: TimeWindow;
  evidence: Evidence;
}

export interface CustomerContact {
  name?: ContactMention;
  email?: ContactMention;
  phone?: ContactMention;
}

export interface Extraction {
  /** Every name, email and phone found, the customer's and third parties'. */
  contacts: ContactMention[];
  /** The customer's own contact fields in this message (a correction wins, then confidence). */
  customer: CustomerContact;
  /** Fields the customer declined to share in this message ("I'd rather not give my number"). */
  refusals: ContactField[];
  intent: IntentResult;
  /**
   * The learned intent model's raw score per intent (INTENTS order) for this message: a
   * conversation's intent model input is the sum over its messages (see decideIntent).
   */
  intentScores?: number[];
  sentiment: SentimentResult;
  products: ProductMention[];
  purchaseSignals: PurchaseSignal[];
  preferences: CommunicationPreference[];
}

export interface ExtractionContext {
  /** The tenant's catalogue and knowledge terms ("combi boiler", "MOT", "hygienist"). */
  catalogueTerms?: readonly string[];
  /** The extraction of the previous customer message of the conversation. */
  previous?: Extraction;
  /**
   * The tenant's country (ISO 3166-1 alpha-2, `US`, `DE`): the region a local-format phone number
   * is read in. GB when absent.
   */
  country?: string;
}
