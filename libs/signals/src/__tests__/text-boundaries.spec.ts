import { TextBoundaries } from '../detector/text-boundaries.util';

describe('TextBoundaries', () => {
  const text = 'no leak. but, the pipe is asap.fine however water is here\nnew line';
  const b = new TextBoundaries(text);

  it.each([
    [text.indexOf('the pipe'), text.indexOf(' but'), text.indexOf('\n')],
    [text.indexOf('water'), text.indexOf(' but'), text.indexOf('\n')],
    [text.indexOf('new line'), text.indexOf('\n') + 1, text.length],
    [0, 0, text.indexOf('.')],
  ])('match at %i: sentence [%i, %i) (inner dots do not end it)', (index, start, end) => {
    expect(b.sentenceStart(index)).toBe(start);
    expect(b.sentenceEnd(index)).toBe(end);
  });

  it.each([
    [text.indexOf('the pipe'), text.indexOf('the pipe') - 1],
    [text.indexOf('water'), text.indexOf('water')],
    [text.indexOf('leak'), 0],
  ])('match at %i: clause starts at %i (after , or a clause word)', (index, start) => {
    expect(b.clauseStart(index)).toBe(start);
  });

  it('walks back a bounded number of words, never past the floor', () => {
    const t = new TextBoundaries('one two three four five six seven');
    const end = 'one two three four five six seven'.length;
    expect(t.wordsBack(end, 2, 0)).toBe('one two three four five '.length);
    expect(t.wordsBack(end, 20, 4)).toBe(4);
  });

  it('starts a clause after a whole clause word before a space or hyphen, not inside a word', () => {
    const t = 'i rebut this whereas-that, though the robot but';
    const b2 = new TextBoundaries(t);
    expect(b2.clauseStart(t.indexOf('this'))).toBe(0);
    expect(b2.clauseStart(t.indexOf('that'))).toBe(t.indexOf('that'));
    expect(b2.clauseStart(t.indexOf('the robot'))).toBe(t.indexOf('the robot'));
    expect(b2.clauseStart(t.length - 1)).toBe(t.indexOf('the robot'));
  });

  it('keeps a dot between two non-spaces inside the sentence, also at the edges of the text', () => {
    const t = '.a.b. c.';
    const b2 = new TextBoundaries(t);
    expect(b2.sentenceEnd(1)).toBe(t.indexOf('. c'));
    expect(b2.sentenceStart(t.indexOf('c'))).toBe(t.indexOf(' c'));
    expect(b2.sentenceEnd(t.indexOf('c'))).toBe(t.length - 1);
  });
});
