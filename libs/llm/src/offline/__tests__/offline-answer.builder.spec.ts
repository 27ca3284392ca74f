import { generationRequest, PLUMBER_KNOWLEDGE } from '../../__tests__/generation-request.fixture';
import type { ResponseDirective } from '../../generation/generation.types';
import { buildOfflineAnswer } from '../offline-answer.builder';
import { sentences } from '../text-terms.util';

const ALL_SENTENCES = new Set(PLUMBER_KNOWLEDGE.flatMap((p) => sentences(p.text)));

describe('buildOfflineAnswer', () => {
  it('greets with the tenant name on the first turn, then answers', () => {
    const answer = buildOfflineAnswer(generationRequest({ firstTurn: true }));
    expect(answer.text.startsWith("Hi, I'm the assistant for Pipe Dreams Plumbing.")).toBe(true);
    expect(answer.text).toContain('We are open Monday to Friday, 8am to 6pm.');
    expect(answer.unanswered).toBe(false);
  });

  it('does not greet on later turns', () => {
    const answer = buildOfflineAnswer(generationRequest({ firstTurn: false }));
    expect(answer.text).not.toContain("I'm the assistant");
  });

  it('answers only with sentences taken verbatim from the passages', () => {
    for (const question of [
      'How much is an emergency callout?',
      'Do you repair boilers?',
      'Are you open on Saturdays?',
      'What does fixing a leaking tap cost?',
    ]) {
      const answer = buildOfflineAnswer(generationRequest({ userMessage: question }));
      expect(answer.unanswered).toBe(false);
      const said = sentences(answer.text);
      expect(said.length).toBeGreaterThan(0);
      for (const sentence of said) expect(ALL_SENTENCES.has(sentence)).toBe(true);
    }
  });

  it('picks the passage that matches the question', () => {
    expect(buildOfflineAnswer(generationRequest({ userMessage: 'How much is an emergency callout?' })).text).toContain(
      'Emergency callouts outside opening hours cost £140.',
    );
    expect(buildOfflineAnswer(generationRequest({ userMessage: 'Are your engineers Gas Safe?' })).text).toContain(
      'Our engineers are Gas Safe registered.',
    );
    expect(buildOfflineAnswer(generationRequest({ userMessage: 'Do you fix leaking taps?' })).text).toContain(
      'We fix leaking taps from £60.',
    );
  });

  it('says plainly it does not know, and flags the question, when nothing is relevant', () => {
    const answer = buildOfflineAnswer(generationRequest({ userMessage: 'Can you recommend a good restaurant in Leeds?' }));
    expect(answer.unanswered).toBe(true);
    expect(answer.text).toBe(
      "I'm sorry, I don't know the answer to that. I've noted your question for the team at Pipe Dreams Plumbing so they can follow up.",
    );
  });

  it('does not know anything when the tenant has no knowledge', () => {
    const answer = buildOfflineAnswer(generationRequest({ knowledge: [] }));
    expect(answer.unanswered).toBe(true);
  });

  it.each([
    ['hi', 'Hi! How can I help you today?'],
    ['Hello there!', 'Hi! How can I help you today?'],
    ['thanks!', "You're welcome! Is there anything else I can help with?"],
    ['Thank you so much', "You're welcome! Is there anything else I can help with?"],
    ['ok great, bye', 'Thanks for chatting — goodbye!'],
  ])('replies politely to small talk %p', (message, reply) => {
    const answer = buildOfflineAnswer(generationRequest({ userMessage: message }));
    expect(answer).toEqual({ text: reply, unanswered: false });
  });

  it('greets and offers help when the first message is "hi"', () => {
    expect(buildOfflineAnswer(generationRequest({ userMessage: 'hi', firstTurn: true })).text).toBe(
      "Hi, I'm the assistant for Pipe Dreams Plumbing. How can I help you today?",
    );
  });

  it('treats a greeting with a question as a question', () => {
    expect(buildOfflineAnswer(generationRequest({ userMessage: 'hi, are you open on Saturdays?' })).text).toContain(
      'On Saturdays we open 9am to 1pm.',
    );
  });

  it('states the directives first, in a fixed order, whatever order they come in', () => {
    const directives: ResponseDirective[] = [
      { kind: 'offer_human' },
      { kind: 'acknowledge_frustration' },
      { kind: 'urgent_callback', reason: 'leak' },
      { kind: 'greet_returning', name: 'Zoë' },
      { kind: 'safety', category: 'gas', emergencyText: 'Call the gas emergency line on 0800 111 999.' },
    ];
    const answer = buildOfflineAnswer(generationRequest({ directives, userMessage: 'Do you repair boilers?' }));
    const order = [
      'Call the gas emergency line on 0800 111 999.',
      'Good to see you again, Zoë!',
      "I can see this is urgent — I'm flagging it for an urgent callback.",
      "I'm sorry this has been frustrating.",
      'If you would rather talk to a person, I can ask someone from the team to get in touch.',
      'We service and repair gas boilers of every make.',
    ];
    const positions = order.map((part) => answer.text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(answer.text.startsWith(order[0])).toBe(true);
  });

  it('gives a generic emergency line when the tenant has no emergency text', () => {
    const answer = buildOfflineAnswer(generationRequest({ directives: [{ kind: 'safety', category: 'gas', emergencyText: null }] }));
    expect(answer.text.startsWith('If anyone is in danger, call 999 or your local emergency services now.')).toBe(true);
  });

  it('on handoff says only that a person will reply', () => {
    const handoff = buildOfflineAnswer(
      generationRequest({
        firstTurn: true,
        directives: [
          { kind: 'urgent_callback', reason: 'x' },
          { kind: 'handoff', message: 'Sam will reply in a minute.' },
        ],
      }),
    );
    expect(handoff).toEqual({ text: 'Sam will reply in a minute.', unanswered: false });
    const byDefault = buildOfflineAnswer(generationRequest({ directives: [{ kind: 'handoff', message: null }] }));
    expect(byDefault.text).toBe("Thanks — I've passed your message on, and a person from the team will reply here shortly.");
  });

  it('keeps the emergency text before a handoff message', () => {
    const answer = buildOfflineAnswer(
      generationRequest({
        directives: [
          { kind: 'handoff', message: null },
          { kind: 'safety', category: 'gas', emergencyText: 'Leave the house.' },
        ],
      }),
    );
    expect(answer.text).toBe("Leave the house. Thanks — I've passed your message on, and a person from the team will reply here shortly.");
  });

  it('welcomes a returning customer by name on their first turn together with the tenant name', () => {
    const answer = buildOfflineAnswer(generationRequest({ firstTurn: true, directives: [{ kind: 'greet_returning', name: 'Zoë' }] }));
    expect(answer.text.startsWith("Hi Zoë, welcome back! I'm the assistant for Pipe Dreams Plumbing.")).toBe(true);
  });

  it('speaks in the tenant tone', () => {
    const formal = buildOfflineAnswer(
      generationRequest({
        firstTurn: true,
        userMessage: 'What is the weather on Mars?',
        persona: { displayName: 'Acme Law', persona: '', tone: 'formal', allowedTopics: [] },
      }),
    );
    expect(formal.text).toBe(
      'Good day. I am the assistant for Acme Law. I regret that I do not have that information. Your question has been noted for the team at Acme Law, who will follow up.',
    );
  });
});
