import type { GenerationRequest, ResponseDirective } from '../generation/generation.types';
import type { Pseudonymizer } from '../pii';

/** Names the pseudonymizer must hide: those the extractor found and a returning customer's name. */
export function namesToHide(request: GenerationRequest): string[] {
  const names = [...(request.knownNames ?? [])];
  for (const directive of request.directives) if (directive.kind === 'greet_returning') names.push(directive.name);
  return names;
}

/**
 * The request as an external provider may see it: the visitor's words (history and this
 * message) and a returning customer's name pseudonymized. The tenant's own texts (persona,
 * knowledge, emergency and handoff texts) are published business information and go as they are.
 */
export function pseudonymizeRequest(request: GenerationRequest, pii: Pseudonymizer): GenerationRequest {
  const directives = request.directives.map((directive): ResponseDirective =>
    directive.kind === 'greet_returning' ? { ...directive, name: pii.pseudonymize(directive.name) } : directive,
  );
  return {
    ...request,
    history: request.history.map((message) => ({ ...message, content: pii.pseudonymize(message.content) })),
    userMessage: pii.pseudonymize(request.userMessage),
    directives,
    knownNames: [],
  };
}

/** Puts the turn's private details back into every string of a JSON-like value (tool-call arguments). */
export function restoreValue(value: unknown, pii: Pseudonymizer): unknown {
  if (typeof value === 'string') return pii.restore(value);
  if (Array.isArray(value)) return value.map((item) => restoreValue(item, pii));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreValue(v, pii)]));
  return value;
}

// Keys whose string value is a person's name (customer_name, firstName, recipient ...), compared
// without case, "_" or "-". A bare `name` is not one: products and stores have names too.
const PERSON_NAME_KEYS = new Set([
  'firstname',
  'lastname',
  'fullname',
  'givenname',
  'familyname',
  'surname',
  'customer',
  'customername',
  'contactname',
  'recipient',
  'recipientname',
  'billingname',
  'shippingname',
]);
const MAX_NAME_LENGTH = 100;

/**
 * A tool result as an external model may see it: person names under name-like keys are added to
 * the turn's names first, then every string is pseudonymized, so an
 * email, a phone number or a name in an order becomes the turn's placeholder and is restored in
 * the visible answer like the visitor's own details.
 */
export function pseudonymizeValue(value: unknown, pii: Pseudonymizer): unknown {
  const names: string[] = [];
  collectPersonNames(value, names, 0);
  pii.addNames(names);
  return pseudonymizeStrings(value, pii);
}

function collectPersonNames(value: unknown, names: string[], depth: number): void {
  if (depth > 20) return;
  if (Array.isArray(value)) for (const item of value) collectPersonNames(item, names, depth + 1);
  else if (isRecord(value))
    for (const [key, item] of Object.entries(value)) {
      const personKey = PERSON_NAME_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
      if (personKey && typeof item === 'string' && item.trim().length > 0 && item.length <= MAX_NAME_LENGTH) names.push(item.trim());
      else collectPersonNames(item, names, depth + 1);
    }
}

function pseudonymizeStrings(value: unknown, pii: Pseudonymizer): unknown {
  if (typeof value === 'string') return pii.pseudonymize(value);
  if (Array.isArray(value)) return value.map((item) => pseudonymizeStrings(item, pii));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudonymizeStrings(v, pii)]));
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
