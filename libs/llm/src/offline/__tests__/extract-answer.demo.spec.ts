import { PLUMBER_DEMO_KNOWLEDGE } from '../../__tests__/plumber-demo.fixture';
import { extractAnswer } from '../extract-answer.util';
import { sentences } from '../text-terms.util';

// The demo plumber's real knowledge, every chunk offered at once with the same retrieval score.
const KNOWN = new Set(PLUMBER_DEMO_KNOWLEDGE.flatMap((p) => sentences(p.text)));

describe('extractAnswer on the demo plumber knowledge', () => {
  it.each([
    ['How much is a call-out?', 'Our standard call-out fee is £65, which includes the first 30 minutes of labour.'],
    ['How much do you charge for a callout?', 'Our standard call-out fee is £65, which includes the first 30 minutes of labour.'],
    ['What is your hourly rate?', 'After that we charge £48 per hour, billed in 15-minute steps.'],
    [
      'Do you work weekends?',
      'Evening and weekend call-outs (after 6pm and all day Saturday and Sunday) cost £95 including the first 30 minutes.',
    ],
    ['Do you do emergency call-outs?', 'We run a 24-hour emergency line for burst pipes, major leaks and no heating in winter.'],
    ['My pipe burst, what do I do?', 'Turn off the water at the stopcock, usually under the kitchen sink.'],
    ['How can I book?', 'Book through this chat, by phone on 0113 496 0000, or by email at bookings@bobsplumbing.example.'],
    ['What are your opening hours?', 'We open bookings from 8am to 6pm, Monday to Friday.'],
    ['Can I pay by card?', 'We take card, bank transfer and cash.'],
    ['Do you take cash?', 'We take card, bank transfer and cash.'],
    ['Are you Gas Safe registered?', 'Yes, all our engineers are Gas Safe registered.'],
    ['How much is a boiler service?', 'An annual boiler service costs £85 for gas combi and system boilers.'],
    [
      'How much does a new boiler cost?',
      'A new combi boiler, fitted, starts at £2,400 including removal of the old boiler, a magnetic system filter and a powerflush.',
    ],
    [
      'Do you cover Wetherby?',
      'We cover Leeds and up to 15 miles around it, including Horsforth, Headingley, Roundhay, Morley and Wetherby.',
    ],
    ['Can I get a landlord gas safety certificate?', 'We do not issue landlord gas safety certificates (CP12).'],
  ])('%s', (question, expected) => {
    const answer = extractAnswer(question, PLUMBER_DEMO_KNOWLEDGE);
    expect(answer).toContain(expected);
    expect(answer.length).toBeLessThanOrEqual(3);
    for (const sentence of answer) expect(KNOWN.has(sentence)).toBe(true);
  });

  it('never says a heading or an FAQ question as an answer', () => {
    const said = ['Do you do emergency call-outs?', 'How do I book?', 'What should I do if a pipe bursts?'].flatMap((q) =>
      extractAnswer(q, PLUMBER_DEMO_KNOWLEDGE),
    );
    expect(said.some((s) => s.endsWith('?') || s.includes(' > '))).toBe(false);
  });

  it.each(['Can you fix my car?', 'What is the weather tomorrow?', 'Can you recommend a restaurant?', 'Do you sell kitchens?'])(
    'finds nothing for %p',
    (question) => {
      expect(extractAnswer(question, PLUMBER_DEMO_KNOWLEDGE)).toEqual([]);
    },
  );

  it('answers the question inside a long message, clause by clause', () => {
    const answer = extractAnswer(
      "Hi, I'm Dave, my boiler is leaking, can someone come today? Call me on 07700 900123",
      PLUMBER_DEMO_KNOWLEDGE,
    );
    expect(answer).toContain('We run a 24-hour emergency line for burst pipes, major leaks and no heating in winter.');
    for (const sentence of answer) expect(KNOWN.has(sentence)).toBe(true);
  });

  it.each(["Hi, I'm Dave, call me on 07700 900123 please", 'Thanks, that is great, see you on Tuesday'])(
    'a message without a knowledge question still finds nothing: %p',
    (message) => {
      expect(extractAnswer(message, PLUMBER_DEMO_KNOWLEDGE)).toEqual([]);
    },
  );
});
