import { isUnmetQuestion, redactPii } from '../privacy/redact-pii';

describe('redactPii (what may be stored in an aggregate)', () => {
  it.each([
    ['you can reach me on dave.smith@example.com or +44 7700 900123', 'you can reach me on [email] or [phone]'],
    ['call me at (312) 555-0147', 'call me at [phone]'],
    ['card 4111 1111 1111 1111 was declined', 'card [card] was declined'],
    ['do you deliver to SW1A 1AA?', 'do you deliver to [postcode]?'],
    ['do you cover m1 1ae', 'do you cover [postcode]'],
    ['liefern Sie auch nach PLZ 10115?', 'liefern Sie auch nach PLZ [postcode]?'],
    ['ship to 1012 AB Amsterdam?', 'ship to [postcode] Amsterdam?'],
    ["Hi, I'm Dave Smith, do you fit combi boilers?", "Hi, I'm [name], do you fit combi boilers?"],
    ['does Smith still work there?', 'does [name] still work there?'],
    ['account 12345678 is wrong', 'account [number] is wrong'],
  ])('%p -> %p', (text, expected) => {
    expect(redactPii(text, { names: ['Dave Smith'], country: 'US' })).toBe(expected);
  });

  it('leaves ordinary questions alone', () => {
    expect(redactPii('How much is a gas safety certificate for a 3 bed house?')).toBe(
      'How much is a gas safety certificate for a 3 bed house?',
    );
    expect(redactPii('are you open at 1400 at weekends?')).toBe('are you open at 1400 at weekends?');
  });
});

describe('isUnmetQuestion', () => {
  it.each([
    'Do you fit heat pumps?',
    'how much is a gas safety certificate',
    'Wie lange dauert eine Zahnreinigung?',
    'Acceptez-vous les chiens ?',
    '¿Tienen aparcamiento?',
    'Hi, do you take bookings for Saturday mornings?',
  ])('%p is a question', (text) => {
    expect(isUnmetQuestion(text)).toBe(true);
  });

  it.each([
    'you can reach me on dave@example.com or 07700 900123',
    'My boiler is leaking.',
    "I'd like to book a table for Friday",
    'can you call me back on 07700 900123?',
    'Hi, my name is Dave',
    'thanks!',
    'dave@example.com?',
  ])('%p is not', (text) => {
    expect(isUnmetQuestion(text)).toBe(false);
  });
});

describe('redactPii keeps topics', () => {
  it.each(['Gas safety  certificate', 'Open on Sundays?', 'Worcester Bosch boiler'])('%p is kept', (text) => {
    expect(redactPii(text)).toBe(text);
  });
});
