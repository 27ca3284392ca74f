import { ProblemException } from '../../http/problem.exception';
import { uploadFromRequest } from '../document-upload.parser';

function statusOf(fn: () => unknown): number {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemException) return error.getStatus();
    throw error;
  }
  throw new Error('expected a problem');
}

describe('uploadFromRequest', () => {
  it('reads a JSON document', () => {
    expect(
      uploadFromRequest(
        'application/json; charset=utf-8',
        { title: ' Prices ', format: 'text', content: 'Fee 80', source_uri: 'https://x.example/p' },
        {},
      ),
    ).toEqual({
      title: 'Prices',
      format: 'text',
      content: 'Fee 80',
      sourceUri: 'https://x.example/p',
    });
  });

  it('reads a raw markdown or text body titled by the query', () => {
    expect(uploadFromRequest('text/markdown', '# Hours', { title: 'Hours' })).toEqual({
      title: 'Hours',
      format: 'markdown',
      content: '# Hours',
    });
    expect(uploadFromRequest('text/plain;charset=utf-8', 'Leeds', { title: 'Areas', source_uri: 'file:areas' })).toEqual({
      title: 'Areas',
      format: 'text',
      content: 'Leeds',
      sourceUri: 'file:areas',
    });
  });

  it('refuses a missing title, an empty body, unknown query parameters and other media types', () => {
    expect(statusOf(() => uploadFromRequest('text/plain', 'x', {}))).toBe(400);
    expect(statusOf(() => uploadFromRequest('text/plain', '', { title: 't' }))).toBe(400);
    expect(statusOf(() => uploadFromRequest('text/plain', 'x', { title: 't', format: 'pdf' }))).toBe(400);
    expect(statusOf(() => uploadFromRequest('application/json', { title: 't', format: 'text', content: 'x', extra: 1 }, {}))).toBe(400);
    expect(statusOf(() => uploadFromRequest(undefined, undefined, {}))).toBe(415);
  });
});
