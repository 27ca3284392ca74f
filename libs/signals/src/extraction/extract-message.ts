import { normalizeText } from '../normalize/normalize-text.util';
import { findPreferences } from './classify/preferences.extractor';
import { classifyIntent } from './classify/intent.classifier';
import { hasEnoughWords } from './classify/conversation-model';
import { decideIntent, defaultIntentModel, ruleIntentLabel } from './classify/intent-decision.util';
import { fillSentiment } from './classify/sentiment-fill.util';
import { compileCatalogue, findProducts, type CompiledCatalogue } from './classify/products.extractor';
import { findPurchaseSignals } from './classify/purchase-signals.extractor';
import { scoreSentiment } from './classify/sentiment.scorer';
import { customerContact, findContacts } from './contacts/find-contacts.util';
import { findRefusals } from './contacts/ownership.util';
import { InvalidExtractionInputError } from './extraction.errors';
import type { Extraction, ExtractionContext } from './extraction.types';

/** Longest message the extractor accepts (characters); longer input is rejected, not truncated. */
export const MAX_MESSAGE_LENGTH = 20_000;
const MAX_CATALOGUE_TERMS = 5_000;

// Compiling a catalogue is the only costly step; tenants reuse one term list across messages.
const catalogueCache = new WeakMap<readonly string[], CompiledCatalogue | undefined>();

function catalogueFor(terms: readonly string[] | undefined): CompiledCatalogue | undefined {
  if (terms === undefined) return undefined;
  if (!Array.isArray(terms) || terms.length > MAX_CATALOGUE_TERMS || !terms.every((t) => typeof t === 'string')) {
    throw new InvalidExtractionInputError(`context.catalogueTerms must be an array of at most ${MAX_CATALOGUE_TERMS} strings`);
  }
  if (!catalogueCache.has(terms)) catalogueCache.set(terms, compileCatalogue(terms));
  return catalogueCache.get(terms);
}

/**
 * L1b deterministic extraction of one customer message: contacts (and whose they are), refusals,
 * intent, sentiment, products, purchase signals and communication preferences. Pure and
 * synchronous; offsets in every evidence span index `text`. Throws InvalidExtractionInputError for
 * a non-string or over-long message or a malformed context.
 */
export function extractMessage(text: string, context: ExtractionContext = {}): Extraction {
  if (typeof text !== 'string') throw new InvalidExtractionInputError('text must be a string');
  if (text.length > MAX_MESSAGE_LENGTH) throw new InvalidExtractionInputError(`text is longer than ${MAX_MESSAGE_LENGTH} characters`);
  if (typeof context !== 'object' || context === null) throw new InvalidExtractionInputError('context must be an object');
  const catalogue = catalogueFor(context.catalogueTerms);
  const normalized = normalizeText(text);
  if (context.country !== undefined && (typeof context.country !== 'string' || !/^[A-Za-z]{2}$/.test(context.country))) {
    throw new InvalidExtractionInputError('context.country must be an ISO 3166-1 alpha-2 code');
  }
  const contacts = findContacts(text, normalized, context.previous, context.country);
  const ruleIntent = classifyIntent(text, normalized);
  const intentScores = hasEnoughWords(text) ? defaultIntentModel().messageScores(text, ruleIntentLabel(ruleIntent)) : undefined;
  return {
    contacts,
    customer: customerContact(contacts),
    refusals: findRefusals(normalized),
    intent: decideIntent([ruleIntent], intentScores, intentScores === undefined ? 0 : 1),
    ...(intentScores !== undefined ? { intentScores } : {}),
    sentiment: fillSentiment(text, scoreSentiment(normalized)),
    products: findProducts(text, normalized, catalogue),
    purchaseSignals: findPurchaseSignals(text, normalized),
    preferences: findPreferences(text, normalized),
  };
}
