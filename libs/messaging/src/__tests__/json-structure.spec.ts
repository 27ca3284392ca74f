import fc from 'fast-check';
import { decodeJson, MAX_PAYLOAD_JSON_DEPTH, scanJsonStructure } from '../messaging.api';

/** Depth of a parsed value, counted as the scan counts text: `[]` and `{}` are 1. */
function valueDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((deepest, child) => Math.max(deepest, valueDepth(child)), 0);
}

const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}${close.repeat(levels)}`;

describe('scanJsonStructure: depth', () => {
  it.each([
    ['scalar', '42', 0],
    ['empty array', '[]', 1],
    ['empty object', '{}', 1],
    ['object in array', '[{"a":[1]}]', 3],
    ['brackets inside strings do not count', '["[[[[", "{{{{"]', 1],
    ['escaped quote keeps the string open', '["\\"[[[["]', 1],
    ['escaped backslash closes the string', '["\\\\", [[1]]]', 3],
    ['unicode escapes and lone surrogates', '["\\ud800[", "\\u0000"]', 1],
  ])('%s', (_name, text, depth) => {
    expect(scanJsonStructure(text, { maxDepth: depth })).toBeUndefined();
    if (depth > 0) expect(scanJsonStructure(text, { maxDepth: depth - 1 })).toMatchObject({ kind: 'too_deep', maxDepth: depth - 1 });
  });

  it('stops at the first level past the bound, with its offset', () => {
    expect(scanJsonStructure(nested(65), { maxDepth: 64 })).toEqual({ kind: 'too_deep', maxDepth: 64, offset: 64 });
    expect(scanJsonStructure(nested(64, '{"a":', '}'), { maxDepth: 64 })).toBeUndefined();
  });

  it('refuses the 20,000-level body whose parsed value overflows any recursive walk', () => {
    const hostile = nested(20_000);
    expect(() => JSON.parse(hostile, (_key, value: unknown) => value)).toThrow(RangeError);
    expect(() => JSON.stringify(JSON.parse(hostile))).toThrow(RangeError);
    expect(scanJsonStructure(hostile, { maxDepth: 64 })).toMatchObject({ kind: 'too_deep' });
  });

  it('an unterminated string swallows the rest (JSON.parse then reports the syntax error)', () => {
    expect(scanJsonStructure(`["${nested(100)}`, { maxDepth: 2 })).toBeUndefined();
    expect(() => JSON.parse(`["${nested(100)}`)).toThrow(SyntaxError);
  });

  it('agrees with the depth of every parsed value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, bound) => {
        const text = JSON.stringify(value);
        const depth = valueDepth(value);
        const verdict = scanJsonStructure(text, { maxDepth: bound });
        expect(verdict?.kind === 'too_deep').toBe(depth > bound);
      }),
      { seed: 21, numRuns: 400 },
    );
  });

  it('whatever the text, text that passes the scan parses to a value recursive walks can handle (property)', () => {
    const piece = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"', ',', ':', '1', 'a', '\u0000', '\ud800');
    const text = fc.oneof(
      fc.array(piece, { maxLength: 400 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.integer({ min: 1, max: 30_000 }).map((n) => nested(n)),
    );
    fc.assert(
      fc.property(text, (candidate) => {
        if (scanJsonStructure(candidate, { maxDepth: 64 })) return;
        let value: unknown;
        try {
          value = JSON.parse(candidate, (_key, v: unknown) => v);
        } catch (error) {
          expect(error).toBeInstanceOf(SyntaxError);
          return;
        }
        expect(valueDepth(value)).toBeLessThanOrEqual(64);
        expect(() => JSON.stringify(value)).not.toThrow();
      }),
      { seed: 21, numRuns: 500 },
    );
  });
});

describe('scanJsonStructure: member names', () => {
  const keys = { maxDepth: 64, keys: true };

  it.each([
    ['duplicate', '{"a":1,"a":2}', { kind: 'duplicate_key', key: 'a' }],
    ['duplicate spelled with an escape', '{"message":"x","\\u006dessage":"y"}', { kind: 'duplicate_key', key: 'message' }],
    ['duplicate in a nested object', '{"a":{"b":1,"b":1}}', { kind: 'duplicate_key', key: 'b' }],
    ['__proto__', '{"__proto__":{"admin":true}}', { kind: 'forbidden_key', key: '__proto__' }],
    ['__proto__ escaped', '{"\\u005f_proto__":{}}', { kind: 'forbidden_key', key: '__proto__' }],
    ['__proto__ deep in an array', '[1,{"a":[{"__proto__":1}]}]', { kind: 'forbidden_key', key: '__proto__' }],
    ['constructor.prototype', '{"constructor":{"prototype":{"x":1}}}', { kind: 'forbidden_key', key: 'prototype' }],
  ])('reports %s', (_name, text, violation) => {
    expect(scanJsonStructure(text, keys)).toMatchObject(violation);
  });

  it.each([
    ['same name in sibling objects', '[{"a":1},{"a":1}]'],
    ['same name at different levels', '{"a":{"a":1},"b":{"a":2}}'],
    ['names in values are values', '{"a":"a","b":["a","a"]}'],
    ['constructor without prototype', '{"constructor":{"name":"x"}}'],
    ['prototype outside constructor', '{"prototype":1,"x":{"prototype":2}}'],
    ['a string value "__proto__"', '{"a":"__proto__"}'],
    ['quotes and backslashes in names', '{"a\\"b":1,"a\\\\":2,"a":3}'],
  ])('accepts %s', (_name, text) => {
    expect(scanJsonStructure(text, keys)).toBeUndefined();
  });

  it('checks depth even after a name problem', () => {
    expect(scanJsonStructure(`{"a":1,"a":${nested(100)}}`, keys)).toMatchObject({ kind: 'too_deep' });
  });

  it('never reports a name problem for JSON.stringify output (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        const verdict = scanJsonStructure(text, keys);
        // fc.jsonValue may generate "__proto__" names; those alone are refused.
        if (verdict) expect(verdict).toMatchObject({ kind: 'forbidden_key' });
      }),
      { seed: 21, numRuns: 400 },
    );
  });
});

describe('decodeJson depth bound (NATS payloads)', () => {
  it('refuses a payload nested deeper than MAX_PAYLOAD_JSON_DEPTH as unreadable, without throwing', () => {
    const body = new TextEncoder().encode(nested(20_000));
    expect(decodeJson(body)).toEqual({ ok: false, reason: `body is nested deeper than ${MAX_PAYLOAD_JSON_DEPTH} levels` });
  });

  it('accepts a payload at the bound', () => {
    const result = decodeJson(new TextEncoder().encode(nested(MAX_PAYLOAD_JSON_DEPTH)));
    expect(result.ok).toBe(true);
  });
});
