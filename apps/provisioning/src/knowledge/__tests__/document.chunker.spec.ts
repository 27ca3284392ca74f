import { chunkDocument } from '../document.chunker';

describe('chunkDocument', () => {
  it('keeps the heading path as the first line of every chunk', () => {
    const chunks = chunkDocument('# Services\n\n## Boilers\nA service costs £85.\n\n## Areas\nLeeds and around.');
    expect(chunks).toEqual([
      { index: 0, heading: 'Services > Boilers', content: 'Services > Boilers\nA service costs £85.' },
      { index: 1, heading: 'Services > Areas', content: 'Services > Areas\nLeeds and around.' },
    ]);
  });

  it('packs short paragraphs together and joins wrapped lines', () => {
    const chunks = chunkDocument('First line\nwraps here.\n\nSecond paragraph.');
    expect(chunks).toEqual([{ index: 0, heading: null, content: 'First line wraps here.\n\nSecond paragraph.' }]);
  });

  it('never exceeds maxChars, splitting long paragraphs on sentences and long sentences on spaces', () => {
    const sentence = 'The boiler needs a yearly service to keep its warranty valid. ';
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkDocument(`# FAQ\n${sentence.repeat(40)}\n\n${words}`, { maxChars: 200 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.content.length).toBeLessThanOrEqual(200);
      expect(chunk.content.startsWith('FAQ\n')).toBe(true);
    }
    const text = chunks.map((c) => c.content.slice(4)).join(' ');
    expect(text).toContain('word0');
    expect(text).toContain('word119');
  });

  it('resets deeper heading levels when a shallower heading starts', () => {
    const chunks = chunkDocument('# A\n## B\n### C\nx\n## D\ny');
    expect(chunks.map((c) => c.heading)).toEqual(['A > B > C', 'A > D']);
  });

  it('returns nothing for an empty or heading-only document', () => {
    expect(chunkDocument('')).toEqual([]);
    expect(chunkDocument('# Only a title\n\n## And another')).toEqual([]);
  });

  it('refuses a budget too small to hold a heading and text', () => {
    expect(() => chunkDocument('x', { maxChars: 10 })).toThrow('maxChars');
  });
});
