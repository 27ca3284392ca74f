import { z } from 'zod';
import { ProblemException } from '../problem.exception';
import { decodeUtf8Strict, parseJsonBody } from '../strict-body-parsers';
import { assertMessageWithinLimit, parseBody, parseQuery } from '../validation';

function caught(run: () => unknown): ProblemException {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('parseBody', () => {
  const schema = z.object({ name: z.string().min(1), nested: z.object({ count: z.int() }) }).strict();

  it('returns the parsed value', () => {
    expect(parseBody(schema, { name: 'a', nested: { count: 1 } })).toEqual({ name: 'a', nested: { count: 1 } });
  });

  it('lists every offending field with a dotted path', () => {
    const problem = caught(() => parseBody(schema, { nested: { count: 1.5 }, extra: true }));
    expect(problem.getStatus()).toBe(400);
    expect(problem.toProblem().errors?.map((e) => e.path).sort()).toEqual(['(body)', 'name', 'nested.count']);
  });

  it('treats a missing body as an empty object', () => {
    expect(caught(() => parseBody(schema, undefined)).toProblem().errors?.map((e) => e.path).sort()).toEqual(['name', 'nested']);
  });

  it('words query problems for the query string', () => {
    const problem = caught(() => parseQuery(z.object({ limit: z.coerce.number().int().max(10) }), { limit: '50' }));
    expect(problem.toProblem()).toMatchObject({ status: 400, detail: 'The query string has invalid or missing parameters.', errors: [{ path: 'limit' }] });
  });
});

describe('assertMessageWithinLimit', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(() => assertMessageWithinLimit('😀😀😀', 3)).not.toThrow();
    const problem = caught(() => assertMessageWithinLimit('😀😀😀😀', 3, 'content'));
    expect(problem.getStatus()).toBe(413);
    expect(problem.toProblem()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', errors: [{ path: 'content', message: 'must be at most 3 characters' }] });
  });
});

describe('strict body parsers', () => {
  it('decodes valid UTF-8 and refuses invalid bytes', () => {
    expect(decodeUtf8Strict(Buffer.from('héllo ✓', 'utf8'))).toBe('héllo ✓');
    for (const bytes of [[0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xc0, 0xaf]]) {
      expect(caught(() => decodeUtf8Strict(Buffer.from(bytes))).code).toBe('INVALID_UTF8');
    }
  });

  it('parses JSON, treats an empty body as undefined, refuses malformed JSON', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(parseJsonBody(Buffer.from('  '))).toBeUndefined();
    expect(caught(() => parseJsonBody(Buffer.from('{"a":'))).code).toBe('INVALID_JSON');
  });

  it('refuses prototype-poisoning keys', () => {
    expect(caught(() => parseJsonBody(Buffer.from('{"__proto__":{"admin":true}}'))).code).toBe('INVALID_JSON');
    expect(caught(() => parseJsonBody(Buffer.from('{"constructor":{"prototype":{"x":1}}}'))).code).toBe('INVALID_JSON');
    expect(parseJsonBody(Buffer.from('{"constructor":"fine"}'))).toEqual({ constructor: 'fine' });
  });
});
