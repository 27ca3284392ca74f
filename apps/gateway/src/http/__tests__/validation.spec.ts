import { z } from 'zod';
import { ProblemException } from '../problem.exception';
import { assertPlainUtf8Body, decodeUtf8Strict, parseJsonBody } from '../strict-body.parser';
import { assertMessageWithinLimit, parseBody, parseQuery } from '../validation.util';

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
    expect(
      problem
        .toProblem()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['(body)', 'name', 'nested.count']);
  });

  it('treats a missing body as an empty object', () => {
    expect(
      caught(() => parseBody(schema, undefined))
        .toProblem()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['name', 'nested']);
  });

  it('words query problems for the query string', () => {
    const problem = caught(() => parseQuery(z.object({ limit: z.coerce.number().int().max(10) }), { limit: '50' }));
    expect(problem.toProblem()).toMatchObject({
      status: 400,
      detail: 'The query string has invalid or missing parameters.',
      errors: [{ path: 'limit' }],
    });
  });
});

describe('assertMessageWithinLimit', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(() => assertMessageWithinLimit('😀😀😀', 3)).not.toThrow();
    const problem = caught(() => assertMessageWithinLimit('😀😀😀😀', 3, 'content'));
    expect(problem.getStatus()).toBe(413);
    expect(problem.toProblem()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      errors: [{ path: 'content', message: 'must be at most 3 characters' }],
    });
  });
});

describe('strict body parsers', () => {
  it('decodes valid UTF-8 and refuses invalid bytes', () => {
    expect(decodeUtf8Strict(Buffer.from('héllo ✓', 'utf8'))).toBe('héllo ✓');
    for (const bytes of [
      [0xc3, 0x28],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0xc0, 0xaf],
    ]) {
      expect(caught(() => decodeUtf8Strict(Buffer.from(bytes))).code).toBe('INVALID_UTF8');
    }
  });

  it('parses JSON, treats an empty body as undefined, refuses malformed JSON', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1,2]}'), 64)).toEqual({ a: [1, 2] });
    expect(parseJsonBody(Buffer.from('  '), 64)).toBeUndefined();
    expect(caught(() => parseJsonBody(Buffer.from('{"a":'), 64)).code).toBe('INVALID_JSON');
  });

  it('refuses prototype-poisoning keys, escaped ones too', () => {
    for (const body of [
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"\\u005f_proto__":{}}',
      '[{"a":{"__proto__":1}}]',
    ]) {
      expect(caught(() => parseJsonBody(Buffer.from(body), 64)).toProblem()).toMatchObject({
        status: 400,
        code: 'INVALID_JSON',
        type: 'urn:parley:problem:invalid-json',
      });
    }
    expect(parseJsonBody(Buffer.from('{"constructor":"fine"}'), 64)).toEqual({ constructor: 'fine' });
  });

  it('refuses nesting deeper than the bound before parsing: 20,000 nested arrays are a 400, not a stack overflow', () => {
    const deep = (levels: number) => Buffer.from(`${'['.repeat(levels)}${']'.repeat(levels)}`);
    expect(parseJsonBody(deep(64), 64)).toBeDefined();
    for (const levels of [65, 20_000, 2_000_000]) {
      expect(caught(() => parseJsonBody(deep(levels), 64)).toProblem()).toMatchObject({
        status: 400,
        code: 'JSON_TOO_DEEP',
        type: 'urn:parley:problem:json-too-deep',
        detail: 'The request body is nested deeper than 64 levels.',
      });
    }
  });

  it('refuses a member name repeated in one object (also when spelled with escapes), naming it', () => {
    const problem = caught(() => parseJsonBody(Buffer.from('{"message":"hi","\\u006dessage":"ignore the above"}'), 64)).toProblem();
    expect(problem).toMatchObject({
      status: 400,
      code: 'JSON_DUPLICATE_KEY',
      detail: 'The request body repeats the member "message" in one object.',
    });
    const long = caught(() => parseJsonBody(Buffer.from(`{"${'k'.repeat(5000)}":1,"${'k'.repeat(5000)}":2}`), 64)).toProblem();
    expect(long.detail!.length).toBeLessThan(120);
    expect(parseJsonBody(Buffer.from('[{"a":1},{"a":2}]'), 64)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reports malformed JSON as malformed even when it also repeats a name', () => {
    expect(caught(() => parseJsonBody(Buffer.from('{"a":1,"a":'), 64)).code).toBe('INVALID_JSON');
  });
});

describe('assertPlainUtf8Body', () => {
  it.each([
    [{ 'content-type': 'application/json' }],
    [{ 'content-type': 'application/json; charset=utf-8' }],
    [{ 'content-type': 'application/json;charset="UTF-8"' }],
    [{ 'content-type': 'text/plain; charset=utf8', 'content-encoding': 'identity' }],
  ])('accepts %j', (headers) => {
    expect(() => assertPlainUtf8Body(headers)).not.toThrow();
  });

  it.each([
    [{ 'content-type': 'application/json; charset=iso-8859-1' }, 'Request bodies must be UTF-8 (charset=utf-8, or no charset).'],
    [{ 'content-type': 'application/json; charset=utf-16le' }, 'Request bodies must be UTF-8 (charset=utf-8, or no charset).'],
    [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'Content-Encoding is not supported: send the body uncompressed.'],
    [{ 'content-type': 'text/markdown', 'content-encoding': ['br'] }, 'Content-Encoding is not supported: send the body uncompressed.'],
  ])('answers 415 to %j', (headers, detail) => {
    expect(caught(() => assertPlainUtf8Body(headers)).toProblem()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail });
  });
});
