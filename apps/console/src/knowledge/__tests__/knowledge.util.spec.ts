import { formatOfFile, isTextFile, matchedByText, titleOfFile, uploadBody, uploadProblems } from '../knowledge.util';

describe('knowledge upload', () => {
  it('takes the format and a title from the file name', () => {
    expect(formatOfFile('faq.md')).toBe('markdown');
    expect(formatOfFile('notes.MARKDOWN')).toBe('markdown');
    expect(formatOfFile('notes', 'text/markdown')).toBe('markdown');
    expect(formatOfFile('prices.txt', 'text/plain')).toBe('text');
    expect(titleOfFile('opening-hours_2026.md')).toBe('opening hours 2026');
    expect(titleOfFile('.md')).toBe('.md');
  });

  it('accepts text and markdown files only', () => {
    expect(isTextFile('a.txt', '')).toBe(true);
    expect(isTextFile('a', 'text/plain')).toBe(true);
    expect(isTextFile('a.md', '')).toBe(true);
    expect(isTextFile('a.pdf', 'application/pdf')).toBe(false);
  });

  it('names what is missing before uploading, and sends the JSON body', () => {
    expect(uploadProblems({ title: ' ', format: 'text', content: '', audience: 'everyone' })).toEqual({
      title: expect.any(String),
      content: expect.any(String),
    });
    expect(uploadProblems({ title: 'x'.repeat(301), format: 'text', content: 'y', audience: 'everyone' })).toEqual({
      title: 'At most 300 characters.',
    });
    expect(uploadBody({ title: ' Hours ', format: 'markdown', content: '# Hours', audience: 'everyone' })).toEqual({
      title: 'Hours',
      format: 'markdown',
      content: '# Hours',
    });
    expect(uploadBody({ title: 'Rota', format: 'text', content: 'Sam: Mon', audience: 'staff' })).toEqual({
      title: 'Rota',
      format: 'text',
      content: 'Sam: Mon',
      audience: 'staff',
    });
  });

  it('says how a chunk was found', () => {
    expect(matchedByText(['fulltext', 'vector'])).toBe('full text and vectors');
    expect(matchedByText(['vector'])).toBe('vectors');
    expect(matchedByText([])).toBe('unknown');
  });
});
