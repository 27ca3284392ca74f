import fc from 'fast-check';

// Hostile values, as fast-check arbitraries: what a schema-invalid request puts where the
// schema expects something else. Every arbitrary is pure, so a seed replays a run exactly.

const LONE_HIGH = fc.integer({ min: 0xd800, max: 0xdbff }).map((unit) => String.fromCharCode(unit));
const LONE_LOW = fc.integer({ min: 0xdc00, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

/** Strings that broke or nearly broke real systems: NUL, lone surrogates, bidi overrides, injection-shaped text. */
export const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\udc00y',
  '\ud83d\ude00',
  '\u202eevil\u202c',
  '\ufeff',
  '\u200b',
  'e\u0301\u0301\u0301',
  '\r\n\r\n',
  '\t',
  "'; DROP TABLE tenants; --",
  '" OR 1=1 --',
  '%00',
  '%',
  '../../../../etc/passwd',
  '${7*7}{{7*7}}<%= 7*7 %>',
  '<script>alert(1)</script>',
  '(a+)+$',
  '\\',
  '"',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
  'constructor',
  'sk_live_',
  'Bearer',
] as const;

/** A string of one of the edge kinds, a random unicode string, or a long one (up to ~70 KB). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 2 },
  {
    arbitrary: fc
      .array(fc.oneof(LONE_HIGH, LONE_LOW, fc.constantFrom('a', '\u0000', '😀', 'é')), { maxLength: 12 })
      .map((parts) => parts.join('')),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '😀', '\u0000', ' '), fc.integer({ min: 4_001, max: 70_000 }))
      .map(([unit, n]) => unit.repeat(n)),
    weight: 1,
  },
);

/** Numbers at the edges: zero, negatives, int32/int53 bounds, huge, fractional. */
export const boundaryNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -0.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Arrays nested `levels` deep: below, at and far above the gateway's bound of 64. */
export function nestedArrays(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

export const deepNesting: fc.Arbitrary<unknown> = fc.constantFrom(10, 63, 64, 65, 100, 1_000).map(nestedArrays);

/** Any JSON value of the wrong type for whatever field it replaces. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: boundaryNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }), weight: 2 },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
);

/** Raw request bodies no JSON encoder would produce. */
export const RAW_BODIES: ReadonlyArray<{ name: string; bytes: Buffer }> = [
  { name: 'truncated JSON', bytes: Buffer.from('{"message":"hi"') },
  { name: 'trailing garbage', bytes: Buffer.from('{"message":"hi"} x') },
  { name: 'single quotes', bytes: Buffer.from("{'message':'hi'}") },
  { name: 'NaN literal', bytes: Buffer.from('{"n":NaN}') },
  { name: 'BOM then JSON', bytes: Buffer.from('\ufeff{"message":"hi"}') },
  { name: 'invalid UTF-8', bytes: Buffer.from([0x7b, 0x22, 0x6d, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) },
  { name: 'UTF-8 encoded surrogate', bytes: Buffer.from([0x7b, 0x22, 0x6d, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]) },
  { name: 'overlong slash', bytes: Buffer.from([0x22, 0xc0, 0xaf, 0x22]) },
  { name: 'UTF-16LE JSON', bytes: Buffer.from('{"message":"hi"}', 'utf16le') },
  { name: '20,000 nested arrays', bytes: Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) },
  { name: '20,000 nested objects', bytes: Buffer.from(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`) },
  { name: 'duplicate keys', bytes: Buffer.from('{"message":"a","message":"b","stream":false,"stream":true}') },
  { name: 'escaped __proto__', bytes: Buffer.from('{"\\u005f_proto__":{"isAdmin":true}}') },
  { name: 'constructor.prototype', bytes: Buffer.from('{"constructor":{"prototype":{"isAdmin":true}}}') },
  { name: 'lone surrogate escapes', bytes: Buffer.from('{"message":"\\ud800","title":"\\udfff","content":"\\u0000"}') },
  { name: 'huge number', bytes: Buffer.from(`{"limit":1${'0'.repeat(400)}}`) },
  { name: 'whitespace only', bytes: Buffer.from(' \n\t ') },
  { name: 'a bare string', bytes: Buffer.from('"hello"') },
  { name: 'null', bytes: Buffer.from('null') },
  { name: 'over the body limit', bytes: Buffer.alloc(1_048_577, 0x20) },
];

/** Content types the routes do not take, or take only with other bytes. */
export const WRONG_CONTENT_TYPES: ReadonlyArray<Record<string, string>> = [
  { 'content-type': 'text/plain' },
  { 'content-type': 'application/xml' },
  { 'content-type': 'application/x-www-form-urlencoded' },
  { 'content-type': 'multipart/form-data; boundary=----fuzz' },
  { 'content-type': 'application/json; charset=iso-8859-1' },
  { 'content-type': 'application/json; charset=utf-16' },
  { 'content-type': 'application/json', 'content-encoding': 'gzip' },
  { 'content-type': 'application/vnd.api+json' },
  { 'content-type': 'application/octet-stream' },
  { 'content-type': 'application/json;;;' },
  { 'content-type': '*/*' },
  {},
];
