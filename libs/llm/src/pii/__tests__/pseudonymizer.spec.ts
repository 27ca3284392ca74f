import { createPseudonymizer } from '../pseudonymizer.util';

const TAG = 'T3ST';

describe('createPseudonymizer', () => {
  it.each([
    ['EMAIL', 'write to jane.doe+shop@example.co.uk now', 'write to [EMAIL_1_T3ST] now'],
    ['PHONE (UK mobile)', 'call 07700 900123', 'call [PHONE_1_T3ST]'],
    ['PHONE (+44)', 'call +44 7700 900123.', 'call [PHONE_1_T3ST].'],
    ['PHONE (area code in brackets)', 'office (0113) 496 0000', 'office [PHONE_1_T3ST]'],
    ['PHONE (international)', 'from +33 6 12 34 56 78', 'from [PHONE_1_T3ST]'],
    ['NAME', 'Zoë said hello', '[NAME_1_T3ST] said hello'],
  ])('replaces %s', (_kind, text, expected) => {
    const p = createPseudonymizer({ names: ['Zoë'], tag: TAG });
    expect(p.pseudonymize(text)).toBe(expected);
  });

  it.each([
    ['order #123456'],
    ['£1,250.00'],
    ['12/03/2025'],
    ['10:30'],
    ['LS1 4AB'],
    ['2024'],
    ['order #123456 for £1,250.00 on 12/03/2025 at 10:30, delivered to LS1 4AB in 2024'],
  ])('leaves %j untouched', (text) => {
    const p = createPseudonymizer({ tag: TAG });
    expect(p.pseudonymize(text)).toBe(text);
    expect(p.counts()).toEqual({ EMAIL: 0, PHONE: 0, NAME: 0 });
  });

  it('gives a repeated value the same placeholder and different values different ones', () => {
    const p = createPseudonymizer({ names: ["O'Brien", 'Anne-Marie'], tag: TAG });
    const out = p.pseudonymize("a@x.io, b@x.io, A@X.IO; O'Brien, Anne-Marie, o'brien; 07700 900123 or +44 7700 900123 or 07700 900999");
    expect(out).toBe(
      '[EMAIL_1_T3ST], [EMAIL_2_T3ST], [EMAIL_1_T3ST]; [NAME_1_T3ST], [NAME_2_T3ST], [NAME_1_T3ST]; [PHONE_1_T3ST] or [PHONE_1_T3ST] or [PHONE_2_T3ST]',
    );
    expect(p.counts()).toEqual({ EMAIL: 2, PHONE: 2, NAME: 2 });
  });

  it('keeps placeholders consistent across the messages of one turn', () => {
    const p = createPseudonymizer({ names: ['Zoë'], tag: TAG });
    const history = ['I am Zoë, zoe@example.com', 'Sure Zoë, what number?', 'It is 07700 900123', 'Email zoe@example.com or 07700900123'];
    expect(history.map((m) => p.pseudonymize(m))).toEqual([
      'I am [NAME_1_T3ST], [EMAIL_1_T3ST]',
      'Sure [NAME_1_T3ST], what number?',
      'It is [PHONE_1_T3ST]',
      'Email [EMAIL_1_T3ST] or [PHONE_1_T3ST]',
    ]);
  });

  it('does not share placeholders between turns', () => {
    const a = createPseudonymizer({ tag: 'AAAA' });
    const b = createPseudonymizer({ tag: 'BBBB' });
    const masked = a.pseudonymize('x@y.com');
    expect(b.restore(masked)).toBe(masked);
  });

  it.each([
    ['Hi Zoë, mail me at Zoe.Smith@Example.com or ring (0113) 496 0000 / +44 7700 900123.'],
    ["O'Brien and Anne-Marie: 07700 900123, 07700 900123, O'Brien"],
    ['nothing personal here, order #123456 for £1,250.00'],
    [''],
  ])('round-trips %j', (text) => {
    const p = createPseudonymizer({ names: ['Zoë', "O'Brien", 'Anne-Marie'] });
    const masked = p.pseudonymize(text);
    expect(masked).not.toMatch(/07700|0113|@|Zoë|O'Brien|Anne-Marie/);
    expect(p.restore(masked)).toBe(text);
  });

  it('restores to the first spelling seen for a value written several ways', () => {
    const p = createPseudonymizer({ tag: TAG });
    p.pseudonymize('07700 900123');
    p.pseudonymize('+44 7700 900123');
    expect(p.restore('Call [PHONE_1_T3ST].')).toBe('Call 07700 900123.');
  });

  it.each([
    ['lower case', '[email_1_t3st]'],
    ['mixed case', '[Email_1_T3ST]'],
    ['missing brackets', 'EMAIL_1_T3ST'],
    ['missing closing bracket', '[EMAIL_1_T3ST'],
    ['missing tag', '[EMAIL_1]'],
    ['unknown index', '[EMAIL_9_T3ST]'],
    ['wrong tag', '[EMAIL_1_XXXX]'],
    ['extra space', '[EMAIL_1_T3ST ]'],
  ])('leaves a mangled placeholder (%s) as it is', (_case, text) => {
    const p = createPseudonymizer({ tag: TAG });
    p.pseudonymize('a@b.com');
    expect(p.restore(`see ${text}`)).toBe(`see ${text}`);
  });

  it('is not confused by text that already looks like a placeholder', () => {
    const p = createPseudonymizer({ names: ['Zoë'], tag: TAG });
    const masked = p.pseudonymize('Template: [EMAIL_1] and [NAME_1]; real: a@b.com, Zoë');
    expect(masked).toBe('Template: [EMAIL_1] and [NAME_1]; real: [EMAIL_1_T3ST], [NAME_1_T3ST]');
    expect(p.restore(masked)).toBe('Template: [EMAIL_1] and [NAME_1]; real: a@b.com, Zoë');
  });

  it('uses a random per-turn tag by default', () => {
    const tags = new Set(Array.from({ length: 20 }, () => createPseudonymizer().tag));
    expect(tags.size).toBeGreaterThan(1);
    for (const tag of tags) expect(tag).toMatch(/^[A-Z2-9]{4}$/);
    const p = createPseudonymizer();
    expect(p.pseudonymize('a@b.com')).toBe(`[EMAIL_1_${p.tag}]`);
  });

  it.each([[''], ['abc'], ['A'], ['TOO_LONG_TAG'], ['ABCDEFGHIJKLM'], ['A]B']])('rejects the tag %j', (tag) => {
    expect(() => createPseudonymizer({ tag })).toThrow(RangeError);
  });

  it('prefers the email when a name or number is inside it', () => {
    const p = createPseudonymizer({ names: ['Zoë', 'Anne'], tag: TAG });
    expect(p.pseudonymize('anne.smith@x.com, 07700900123@sms.example.com')).toBe('[EMAIL_1_T3ST], [EMAIL_2_T3ST]');
  });
});

describe('addNames', () => {
  it('hides names added during the turn, keeping earlier placeholders', () => {
    const pii = createPseudonymizer({ tag: 'T1', names: ['Ann'] });
    expect(pii.pseudonymize('Ann and Jo Bloggs')).toBe('[NAME_1_T1] and Jo Bloggs');
    pii.addNames(['Jo Bloggs']);
    expect(pii.pseudonymize('Ann and Jo Bloggs')).toBe('[NAME_1_T1] and [NAME_2_T1]');
    expect(pii.restore('[NAME_2_T1]')).toBe('Jo Bloggs');
  });
});
