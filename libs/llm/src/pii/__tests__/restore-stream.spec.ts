import { createPseudonymizer } from '../pseudonymizer.util';

const TAG = 'T3ST';

function setUp() {
  const p = createPseudonymizer({ names: ['Zoë'], tag: TAG });
  p.pseudonymize('Zoë, zoe@example.com, 07700 900123');
  return p;
}

function streamAll(chunks: string[]): string[] {
  const stream = setUp().createRestoreStream();
  return [...chunks.map((c) => stream.push(c)), stream.flush()];
}

describe('createRestoreStream', () => {
  const answer = 'Hi [NAME_1_T3ST], I will email [EMAIL_1_T3ST] and call [PHONE_1_T3ST].';
  const restored = 'Hi Zoë, I will email zoe@example.com and call 07700 900123.';

  it('restores at every split point of a two-chunk stream', () => {
    for (let i = 0; i <= answer.length; i++) {
      expect(streamAll([answer.slice(0, i), answer.slice(i)]).join('')).toBe(restored);
    }
  });

  it('restores at every pair of split points of a three-chunk stream', () => {
    const text = 'x[EMAIL_1_T3ST]y[PHONE_1_T3ST]';
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        expect(streamAll([text.slice(0, i), text.slice(i, j), text.slice(j)]).join('')).toBe('xzoe@example.comy07700 900123');
      }
    }
  });

  it('restores a stream of single characters', () => {
    expect(streamAll([...answer]).join('')).toBe(restored);
  });

  it('never emits part of a placeholder', () => {
    const parts = streamAll([...answer]);
    for (const part of parts) expect(part).not.toMatch(/\[|_T3ST|EMAIL|PHONE|NAME/);
  });

  it('emits text that cannot start a placeholder at once', () => {
    const stream = setUp().createRestoreStream();
    expect(stream.push('Hello [not a placeholder] ')).toBe('Hello [not a placeholder] ');
    expect(stream.push('see [EMA')).toBe('see ');
    expect(stream.push('IL_1_T3')).toBe('');
    expect(stream.push('ST] ok')).toBe('zoe@example.com ok');
    expect(stream.flush()).toBe('');
  });

  it('releases held text as soon as it stops matching a placeholder', () => {
    const stream = setUp().createRestoreStream();
    expect(stream.push('[EMAIL_1_')).toBe('');
    expect(stream.push('X')).toBe('[EMAIL_1_X');
  });

  it.each([
    ['[', '['],
    ['[NAME_1_T3', '[NAME_1_T3'],
    ['ok [PHONE_', 'ok [PHONE_'],
  ])('flushes a dangling partial %j unchanged', (chunk, expected) => {
    const stream = setUp().createRestoreStream();
    expect(stream.push(chunk) + stream.flush()).toBe(expected);
  });

  it('leaves mangled placeholders as they are in a stream', () => {
    expect(streamAll(['[email_1_t3st] [EMAIL_1_', 'T3ST ]']).join('')).toBe('[email_1_t3st] [EMAIL_1_T3ST ]');
  });

  it('passes text straight through when nothing was pseudonymized', () => {
    const stream = createPseudonymizer({ tag: TAG }).createRestoreStream();
    expect(stream.push('[EMAIL_1_T3')).toBe('[EMAIL_1_T3');
    expect(stream.flush()).toBe('');
  });

  it('refuses chunks after flush and flushes only once', () => {
    const stream = setUp().createRestoreStream();
    stream.push('[NAME_1');
    expect(stream.flush()).toBe('[NAME_1');
    expect(stream.flush()).toBe('');
    expect(() => stream.push('x')).toThrow('RestoreStream.push after flush');
  });

  it('does not rescan a restored value that itself looks like a placeholder', () => {
    const p = createPseudonymizer({ names: ['[NAME_1_T3ST]x'], tag: TAG });
    expect(p.pseudonymize('hi [NAME_1_T3ST]x')).toBe('hi [NAME_1_T3ST]');
    expect(p.restore('hi [NAME_1_T3ST]')).toBe('hi [NAME_1_T3ST]x');
    const stream = p.createRestoreStream();
    expect(stream.push('[NAME_1_T3ST][NAME_1_T3ST]') + stream.flush()).toBe('[NAME_1_T3ST]x[NAME_1_T3ST]x');
  });
});
