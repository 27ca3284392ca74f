import type { GenerationRequest, ResponseDirective } from '../generation/generation.types';
import { extractAnswer } from './extract-answer.util';
import { conversationLanguage } from './message-language.util';
import { givesContactDetails, readMessage, type MessageReading } from './message-reading.util';
import type { ContactAsk, OfflinePhrases } from './offline-phrases';
import { phrasesFor } from './offline-phrases.i18n';
import { detectSmallTalk } from './small-talk.util';
import { introducedName, visitorName } from './visitor-name.util';

export interface OfflineAnswer {
  text: string;
  /** The message asked a real question that nothing in the tenant's knowledge answers: the answer says so and the question is recorded. */
  unanswered: boolean;
}

type DirectiveOf<K extends ResponseDirective['kind']> = Extract<ResponseDirective, { kind: K }>;

function first<K extends ResponseDirective['kind']>(directives: readonly ResponseDirective[], kind: K): DirectiveOf<K> | undefined {
  return directives.find((d): d is DirectiveOf<K> => d.kind === kind);
}

const joined = (parts: readonly string[]) => parts.filter((p) => p.length > 0).join(' ');

/**
 * The offline responder's whole answer, deterministic, in the visitor's language (English,
 * German, French, Spanish, Italian, Portuguese or Dutch; English otherwise). Order:
 * 1. safety: the tenant's emergency text (or a generic emergency line) — always first, even before a greeting;
 * 2. handoff: the handoff message (or a default that thanks the visitor by name), and nothing else after it;
 * 3. greeting: by name for a returning customer, else "Hi, I'm the assistant for <tenant>" on the first turn;
 * 4. urgent callback, 5. acknowledged frustration, 6. the offer of a person;
 * 7. a reply to small talk only ("hi", "thanks!", "bye"), and nothing more; otherwise
 * 8. the acknowledgement: contact details, a booking or call-back request ("Thanks, Dave — I've
 *    noted your booking request ..."; "passed on" when the turn raised an urgent callback), a
 *    self-introduction, or thanks;
 * 9. the answer: sentences taken verbatim from the tenant's passages; "I don't know" (unanswered)
 *    only when the message asks a real question they do not answer; a statement nothing answers is
 *    acknowledged as noted;
 * 10. the ask for missing contact details: a number when a callback is flagged, a number or an
 *    email for a booking, and the name when the conversation has none.
 * With `lookup` (a live-data answer built from the tenant's tools) steps 7-10 are replaced by it.
 */
export function buildOfflineAnswer(request: GenerationRequest, lookup?: string): OfflineAnswer {
  const { persona, directives, userMessage } = request;
  const earlier = request.history.filter((m) => m.role === 'user').map((m) => m.content);
  const language = conversationLanguage(userMessage, earlier);
  const phrases = phrasesFor(persona.tone, language);
  const returning = first(directives, 'greet_returning');
  const name = visitorName(userMessage, earlier, returning?.name ?? null);
  const parts: string[] = [];

  const safety = first(directives, 'safety');
  if (safety) parts.push(safety.emergencyText?.trim() || phrases.genericEmergency);

  const handoff = first(directives, 'handoff');
  if (handoff) {
    parts.push(handoff.message?.trim() || phrases.defaultHandoff(name));
    return { text: joined(parts), unanswered: false };
  }

  if (returning) parts.push(phrases.welcomeBack(returning.name, persona.displayName, request.firstTurn));
  else if (request.firstTurn) parts.push(phrases.greeting(persona.displayName));

  const urgent = first(directives, 'urgent_callback');
  const offerHuman = first(directives, 'offer_human');
  if (urgent) parts.push(phrases.urgentCallback);
  if (first(directives, 'acknowledge_frustration')) parts.push(phrases.frustration);
  if (offerHuman) parts.push(phrases.offerHuman);

  // A live-data answer (offline-lookup.ts) replaces steps 7-10: it is the answer, and it is not a knowledge gap.
  if (lookup !== undefined) {
    parts.push(lookup);
    return { text: joined(parts), unanswered: false };
  }

  const smallTalk = detectSmallTalk(userMessage);
  if (smallTalk !== null) {
    if (smallTalk === 'hello') parts.push(request.firstTurn || returning ? '' : phrases.helloBack(name), phrases.howCanIHelp);
    else if (smallTalk === 'thanks') parts.push(phrases.welcome(name), phrases.anythingElse);
    else parts.push(phrases.bye(name));
    return { text: joined(parts), unanswered: false };
  }

  const reading = readMessage(userMessage, language);
  const visitor = request.audience !== 'staff';
  const acknowledged = visitor
    ? acknowledgement(reading, phrases, {
        name,
        introduced: introducedName(userMessage),
        passedOn: urgent !== undefined,
        team: persona.displayName,
      })
    : null;
  if (acknowledged) parts.push(acknowledged);
  // "Do you repair boilers? Thanks" thanks in advance: no "you're welcome" before the answer.
  else if (reading.thanks && reading.questions.length === 0) parts.push(phrases.welcome(name));

  // Real questions are matched on their own, so a booking or a statement beside them cannot pass
  // for their answer; a message without one is answered from the whole text, as before.
  const questionAnswer = reading.questions.length > 0 ? extractAnswer(reading.questions.join('\n'), request.knowledge) : [];
  const answer = questionAnswer.length > 0 ? questionAnswer : extractAnswer(userMessage, request.knowledge);
  const unanswered = reading.questions.length > 0 && questionAnswer.length === 0;
  // A bullet without a full stop still ends a sentence when joined into prose.
  parts.push(...answer.map((sentence) => (/[.!?:;]["'”’)]?$/.test(sentence) ? sentence : `${sentence}.`)));

  if (unanswered) {
    // Flagged turns (urgent, safety, a person offered) are already handled; the knowledge gap is
    // still real, so the visitor hears it and the question is recorded.
    parts.push(phrases.notKnown(persona.displayName));
  } else if (answer.length === 0) {
    if (reading.bye) parts.push(phrases.bye(name));
    else if (reading.thanks && !acknowledged) parts.push(phrases.anythingElse);
    else if (!acknowledged && !urgent && !offerHuman)
      parts.push(reading.statements.length > 0 ? phrases.noted(persona.displayName) : phrases.howCanIHelp);
    else if (acknowledged && !reading.booking && !reading.callback && !reading.email && !reading.phone && !urgent)
      parts.push(phrases.howCanIHelp);
  }

  const ask = visitor ? missingContact(reading, earlier, { urgent: urgent !== undefined, nameKnown: name !== null }) : null;
  if (ask) parts.push(phrases.askContact(ask));
  return { text: joined(parts), unanswered };
}

/** The acknowledgement of what the visitor gave or asked for, or null when the message does neither. */
function acknowledgement(
  reading: MessageReading,
  phrases: OfflinePhrases,
  facts: { name: string | null; introduced: string | null; passedOn: boolean; team: string },
): string | null {
  const details = reading.email || reading.phone;
  if (details || reading.booking || reading.callback) {
    return phrases.acknowledge({
      name: facts.name,
      details,
      booking: reading.booking,
      callback: reading.callback,
      passedOn: facts.passedOn,
      team: facts.team,
    });
  }
  return facts.introduced ? phrases.niceToMeet(facts.introduced) : null;
}

/** What to ask for: a number when a callback is flagged, a number or an email for a booking; null when the conversation has it. */
function missingContact(
  reading: MessageReading,
  earlier: readonly string[],
  turn: { urgent: boolean; nameKnown: boolean },
): ContactAsk | null {
  const known = earlier.map(givesContactDetails).reduce((all, one) => ({ email: all.email || one.email, phone: all.phone || one.phone }), {
    email: reading.email,
    phone: reading.phone,
  });
  if ((turn.urgent || reading.callback) && !known.phone) return { name: !turn.nameKnown, reach: 'phone' };
  if (reading.booking && !known.phone && !known.email) return { name: !turn.nameKnown, reach: 'phone_or_email' };
  return null;
}
