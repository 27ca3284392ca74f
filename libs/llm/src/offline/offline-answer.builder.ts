import type { GenerationRequest, ResponseDirective } from '../generation/generation.types';
import { extractAnswer } from './extract-answer.util';
import { OFFLINE_PHRASES } from './offline-phrases';
import { detectSmallTalk } from './small-talk.util';

export interface OfflineAnswer {
  text: string;
  /** Nothing relevant in the tenant's knowledge: the answer says so and the question is recorded. */
  unanswered: boolean;
}

type DirectiveOf<K extends ResponseDirective['kind']> = Extract<ResponseDirective, { kind: K }>;

function first<K extends ResponseDirective['kind']>(directives: readonly ResponseDirective[], kind: K): DirectiveOf<K> | undefined {
  return directives.find((d): d is DirectiveOf<K> => d.kind === kind);
}

/**
 * The offline responder's whole answer, deterministic. Order:
 * 1. safety: the tenant's emergency text (or a generic 999 line) — always first, even before a greeting;
 * 2. handoff: the handoff message (or a default), and nothing else after it;
 * 3. greeting: by name for a returning customer, else "Hi, I'm the assistant for <tenant>" on the first turn;
 * 4. urgent callback, 5. acknowledged frustration, 6. the offer of a person;
 * 7. the answer: a reply to small talk, or sentences taken verbatim from the tenant's passages,
 *    or a plain "I don't know" that tells the visitor the question was noted (unanswered).
 */
export function buildOfflineAnswer(request: GenerationRequest): OfflineAnswer {
  const { persona, directives } = request;
  const phrases = OFFLINE_PHRASES[persona.tone];
  const parts: string[] = [];

  const safety = first(directives, 'safety');
  if (safety) parts.push(safety.emergencyText?.trim() || phrases.genericEmergency);

  const handoff = first(directives, 'handoff');
  if (handoff) {
    parts.push(handoff.message?.trim() || phrases.defaultHandoff);
    return { text: parts.join(' '), unanswered: false };
  }

  const returning = first(directives, 'greet_returning');
  if (returning) parts.push(phrases.welcomeBack(returning.name, persona.displayName, request.firstTurn));
  else if (request.firstTurn) parts.push(phrases.greeting(persona.displayName));

  if (first(directives, 'urgent_callback')) parts.push(phrases.urgentCallback);
  if (first(directives, 'acknowledge_frustration')) parts.push(phrases.frustration);
  if (first(directives, 'offer_human')) parts.push(phrases.offerHuman);

  const smallTalk = detectSmallTalk(request.userMessage);
  if (smallTalk !== null) {
    const reply = { hello: phrases.smallTalkHello, thanks: phrases.smallTalkThanks, bye: phrases.smallTalkBye }[smallTalk];
    parts.push(reply);
    return { text: parts.join(' '), unanswered: false };
  }

  const answer = extractAnswer(request.userMessage, request.knowledge);
  if (answer.length > 0) {
    // A bullet without a full stop still ends a sentence when joined into prose.
    parts.push(...answer.map((sentence) => (/[.!?:;]["'”’)]?$/.test(sentence) ? sentence : `${sentence}.`)));
    return { text: parts.join(' '), unanswered: false };
  }
  // Flagged turns (urgent, safety, a person offered) are already handled; the knowledge gap is
  // still real, so the visitor hears it and the question is recorded.
  parts.push(phrases.notKnown(persona.displayName));
  return { text: parts.join(' '), unanswered: true };
}
