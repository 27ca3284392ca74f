import fc from 'fast-check';
import { RAW_BODIES, WRONG_CONTENT_TYPES } from '../fuzz-values';
import type { FuzzOperation } from '../openapi-operations';
import {
  casePlanArbitrary,
  fakeValue,
  materialize,
  percentEncode,
  resourceOfIdField,
  type CasePlan,
  type IdPools,
  type Mutation,
} from '../request-cases';

const uuid = { type: 'string', format: 'uuid' };
const feedback: FuzzOperation = {
  id: 'POST /api/v1/sessions/{id}/feedback',
  method: 'POST',
  path: '/api/v1/sessions/{id}/feedback',
  parameters: [
    { name: 'id', in: 'path', required: true, schema: uuid },
    { name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 1, maximum: 5 } },
  ],
  body: {
    required: true,
    contentTypes: ['application/json'],
    schemas: {
      'application/json': {
        type: 'object',
        properties: {
          message_id: uuid,
          rating: { type: 'integer', enum: [1, -1] },
          tags: { type: 'array', items: { type: 'string', maxLength: 5 }, minItems: 1 },
        },
        required: ['message_id', 'rating', 'tags'],
        additionalProperties: false,
      },
    },
  },
  security: ['bearer'],
  streams: false,
};
const list: FuzzOperation = {
  id: 'GET /api/v1/things',
  method: 'GET',
  path: '/api/v1/things',
  parameters: [],
  security: [],
  streams: false,
};

const pools: IdPools = new Map([
  ['sessions', [{ id: '11111111-1111-4111-8111-111111111111', tenant: 'A' }]],
  ['messages', [{ id: '22222222-2222-4222-8222-222222222222', tenant: 'B' }]],
]);
const plan = (mutation: Mutation, over: Partial<CasePlan> = {}): CasePlan => ({ credential: 0, jsfSeed: 5, pick: 1, mutation, ...over });
const build = (p: CasePlan, op = feedback) =>
  materialize({ op, plan: p, credentialHeaders: { authorization: 'Bearer t' }, pools, headerDefaults: {} });
const body = (request: { body?: Buffer }) => JSON.parse(request.body!.toString('utf8')) as Record<string, unknown>;

describe('materialize', () => {
  it('builds a schema-valid request with known ids in the path and in *_id members', () => {
    const request = build(plan({ kind: 'none' }));
    expect(request).toMatchObject({
      method: 'POST',
      label: 'valid',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    });
    expect(request.url).toMatch(/^\/api\/v1\/sessions\/11111111-1111-4111-8111-111111111111\/feedback\?limit=[1-5]$/);
    const sent = body(request);
    expect(sent.message_id).toBe('22222222-2222-4222-8222-222222222222');
    expect([1, -1]).toContain(sent.rating);
    expect(Array.isArray(sent.tags)).toBe(true);
  });

  it('is pure: the same plan gives the same request', () => {
    const p = plan({ kind: 'replace-field', at: 1, value: '\ud800' }, { jsfSeed: 99, pick: 3 });
    expect(build(p)).toEqual(build(p));
  });

  it('now and then sends an id nobody has instead of a known one', () => {
    const urls = Array.from({ length: 14 }, (_, pick) => build(plan({ kind: 'none' }, { pick })).url);
    expect(urls.some((url) => !url.includes('11111111-1111'))).toBe(true);
    expect(urls.some((url) => url.includes('11111111-1111'))).toBe(true);
  });

  it("aims at one tenant's known ids when the plan says whose, and never at an unknown one", () => {
    const shared: IdPools = new Map([
      [
        'sessions',
        [
          { id: '11111111-1111-4111-8111-111111111111', tenant: 'A' },
          { id: '33333333-3333-4333-8333-333333333333', tenant: 'B' },
        ],
      ],
      ['notification-channels', [{ id: '44444444-4444-4444-8444-444444444444', tenant: 'B' }]],
    ]);
    const aimed = (p: CasePlan) => materialize({ op: feedback, plan: p, credentialHeaders: {}, pools: shared, headerDefaults: {} });
    for (let pick = 0; pick < 14; pick++) {
      expect(aimed(plan({ kind: 'none' }, { pick, idsOf: 'B' })).url).toContain('/sessions/33333333-3333-4333-8333-333333333333/');
      // a tenant without ids of the resource: any known id, still never an unknown one
      expect(aimed(plan({ kind: 'none' }, { pick, idsOf: 'C' })).url).toMatch(/\/sessions\/(11111111-1111|33333333-3333)/);
    }
    // `channel_ids` members take notification channels' ids
    const rule: FuzzOperation = {
      ...feedback,
      id: 'POST /api/v1/notification-rules',
      path: '/api/v1/notification-rules',
      parameters: [],
      body: {
        required: true,
        contentTypes: ['application/json'],
        schemas: {
          'application/json': {
            type: 'object',
            properties: { channel_ids: { type: 'array', items: uuid, minItems: 1, maxItems: 1 } },
            required: ['channel_ids'],
          },
        },
      },
    };
    const sent = materialize({
      op: rule,
      plan: plan({ kind: 'none' }, { idsOf: 'B' }),
      credentialHeaders: {},
      pools: shared,
      headerDefaults: {},
    });
    expect(body(sent).channel_ids).toEqual(['44444444-4444-4444-8444-444444444444']);
  });

  it("lays an operation's fixture over the schema-valid request, and mutations still break it", () => {
    const fixture = { body: { rating: -1, tags: ['fixed'] }, query: { limit: '3', extra: 'x' }, headers: { origin: 'https://w.example' } };
    const fixed = (p: CasePlan) =>
      materialize({ op: feedback, plan: p, credentialHeaders: { authorization: 'Bearer t' }, pools, headerDefaults: {}, fixture });
    const valid = fixed(plan({ kind: 'none' }));
    expect(body(valid)).toMatchObject({ message_id: '22222222-2222-4222-8222-222222222222', rating: -1, tags: ['fixed'] });
    expect(valid.url).toMatch(/\?limit=3&extra=x$/);
    expect(valid.headers).toMatchObject({ authorization: 'Bearer t', origin: 'https://w.example' });
    expect(fixed(plan({ kind: 'query-value', at: 0, value: '-1' })).url).toMatch(/\?limit=-1&extra=x$/);
    expect(fixed(plan({ kind: 'header', name: 'origin', value: 'https://evil.example' })).headers.origin).toBe('https://evil.example');
    const replaced = body(fixed(plan({ kind: 'replace-body', value: { x: 1 } })));
    expect(replaced).toEqual({ x: 1 });
  });

  it('breaks exactly one thing per mutation', () => {
    const valid = body(build(plan({ kind: 'none' })));
    const dropped = body(build(plan({ kind: 'drop-field', at: 0 })));
    expect(Object.keys(dropped)).toEqual(Object.keys(valid).slice(1));
    expect(body(build(plan({ kind: 'replace-field', at: 1, value: null }))).rating).toBeNull();
    const extra = body(build(plan({ kind: 'extra-field', name: '__proto__', value: { admin: true } })));
    expect(Object.keys(extra)).toContain('__proto__');
    expect(build(plan({ kind: 'replace-body', value: [1, 2] })).body!.toString()).toBe('[1,2]');
  });

  it('sends raw bodies and wrong content types as they are', () => {
    const raw = build(plan({ kind: 'raw-body', at: 5 }));
    expect(raw.body).toBe(RAW_BODIES[5].bytes);
    expect(raw.headers['content-type']).toBe('application/json');
    const gzip = WRONG_CONTENT_TYPES.findIndex((h) => h['content-encoding'] === 'gzip');
    expect(build(plan({ kind: 'content-type', at: gzip })).headers).toMatchObject({
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    const none = WRONG_CONTENT_TYPES.findIndex((h) => Object.keys(h).length === 0);
    expect(build(plan({ kind: 'content-type', at: none })).headers['content-type']).toBeUndefined();
  });

  it('abuses query, path and headers', () => {
    expect(build(plan({ kind: 'query-value', at: 0, value: '1.5' })).url).toMatch(/\?limit=1.5$/);
    expect(build(plan({ kind: 'query-repeat', at: 0 })).url).toMatch(/limit=1&limit=2$/);
    expect(build(plan({ kind: 'query-extra', name: 'constructor[prototype]', value: 'x' })).url).toMatch(/constructor%5Bprototype%5D=x$/);
    expect(build(plan({ kind: 'query-value', at: 0, value: '\ud800' })).url).toMatch(/\?limit=%ED%A0%80$/);
    expect(build(plan({ kind: 'path-value', at: 0, value: '\udc00', encode: true })).url).toMatch(
      /^\/api\/v1\/sessions\/%ED%B0%80\/feedback/,
    );
    expect(build(plan({ kind: 'path-value', at: 0, value: '../x y', encode: true })).url).toMatch(
      /^\/api\/v1\/sessions\/\.\.%2Fx%20y\/feedback/,
    );
    expect(build(plan({ kind: 'path-value', at: 0, value: '../x y', encode: false })).url).toMatch(
      /^\/api\/v1\/sessions\/\.\.\/x%20y\/feedback/,
    );
    expect(build(plan({ kind: 'header', name: 'x-request-id', value: 'a\u0000é b' })).headers['x-request-id']).toBe('a b');
  });

  it('sends no body on GET, whatever the plan', () => {
    expect(build(plan({ kind: 'raw-body', at: 0 }), list).body).toBeUndefined();
  });
});

describe('casePlanArbitrary', () => {
  it('draws the same plans from the same seed, only mutations that fit the operation', () => {
    const draw = (op: FuzzOperation) => fc.sample(casePlanArbitrary(op, 15, [8, 9, 10]), { seed: 7, numRuns: 300 });
    expect(draw(feedback)).toEqual(draw(feedback));
    const listKinds = new Set(draw(list).map((p) => p.mutation.kind));
    for (const kind of ['drop-field', 'replace-field', 'raw-body', 'content-type', 'path-value', 'query-value'])
      expect(listKinds.has(kind as Mutation['kind'])).toBe(false);
    const feedbackKinds = new Set(draw(feedback).map((p) => p.mutation.kind));
    expect([...feedbackKinds].sort()).toEqual([
      'content-type',
      'drop-field',
      'extra-field',
      'header',
      'none',
      'path-value',
      'query-extra',
      'query-repeat',
      'query-value',
      'raw-body',
      'replace-body',
      'replace-field',
    ]);
  });

  it('mostly uses credentials that authenticate', () => {
    const credentials = fc.sample(casePlanArbitrary(list, 15, [8, 9, 10]), { seed: 3, numRuns: 400 }).map((p) => p.credential);
    const authenticated = credentials.filter((c) => c >= 8 && c <= 10).length;
    expect(authenticated / credentials.length).toBeGreaterThan(0.6);
    expect(Math.max(...credentials)).toBeLessThan(15);
  });
});

describe('fakeValue', () => {
  it('keeps to the schema, and caps strings at 1,000 characters', () => {
    for (let seed = 0; seed < 20; seed++) {
      const value = fakeValue(
        {
          type: 'object',
          properties: { n: { type: 'integer', minimum: 3, maximum: 4 }, s: { type: 'string', minLength: 1, maxLength: 500_000 } },
          required: ['n', 's'],
        },
        seed,
      ) as { n: number; s: string };
      expect([3, 4]).toContain(value.n);
      expect(value.s.length).toBeGreaterThanOrEqual(1);
      expect(value.s.length).toBeLessThanOrEqual(1000);
    }
  });
});

describe('percentEncode', () => {
  it('encodes like encodeURIComponent, and lone surrogates as their raw three bytes', () => {
    expect(percentEncode('a b/é😀')).toBe(encodeURIComponent('a b/é😀'));
    expect(percentEncode('x\ud800y\udfff')).toBe('x%ED%A0%80y%ED%BF%BF');
  });

  it('never throws, whatever the string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.array(fc.integer({ min: 0xd800, max: 0xdfff })), (text, units) => {
        const value = text + String.fromCharCode(...units);
        expect(() => percentEncode(value)).not.toThrow();
      }),
      { seed: 1, numRuns: 200 },
    );
  });
});

describe('resourceOfIdField', () => {
  it.each([
    ['message_id', 'messages'],
    ['sessionId', 'sessions'],
    ['channel_ids', 'channels'],
    ['contactIds', 'contacts'],
    ['title', undefined],
    ['id', undefined],
  ])('%s -> %s', (name, resource) => {
    expect(resourceOfIdField(name)).toBe(resource);
  });
});
