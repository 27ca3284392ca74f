import fc from 'fast-check';
import { generateSync } from 'json-schema-faker';
import { EDGE_STRINGS, hostileString, hostileValue, RAW_BODIES, WRONG_CONTENT_TYPES } from './fuzz-values';
import { resourceOf, resourceOfParam, type FuzzOperation, type JsonSchema } from './openapi-operations';

// One fuzz case = a plan (pure data, drawn by fast-check from a seed) turned into a concrete
// HTTP request against fixed pools of known ids. The plan says which credential, which
// json-schema-faker seed for the schema-valid parts, and which single thing to break.

export type Mutation =
  | { kind: 'none' }
  | { kind: 'drop-field'; at: number }
  | { kind: 'replace-field'; at: number; value: unknown }
  | { kind: 'extra-field'; name: string; value: unknown }
  | { kind: 'replace-body'; value: unknown }
  | { kind: 'raw-body'; at: number }
  | { kind: 'content-type'; at: number }
  | { kind: 'query-value'; at: number; value: string }
  | { kind: 'query-extra'; name: string; value: string }
  | { kind: 'query-repeat'; at: number }
  | { kind: 'path-value'; at: number; value: string; encode: boolean }
  | { kind: 'header'; name: string; value: string };

export interface CasePlan {
  /** Index into the run's credential list. */
  credential: number;
  /** json-schema-faker seed of the schema-valid parts. */
  jsfSeed: number;
  /** Drives every choice among known ids. */
  pick: number;
  /**
   * Known ids are this tenant's (all known ids when it has none), never an unknown one: the
   * credential matrix aims its schema-valid requests at rows that exist. Absent: any tenant's
   * ids, and now and then an id nobody has.
   */
  idsOf?: string;
  mutation: Mutation;
}

/**
 * What json-schema-faker cannot know about one operation, laid over its schema-valid request
 * before the plan's mutation: top-level body members (a real login, a user's last message),
 * query parameters (a live site key) and headers (an allowed Origin). Mutations still break
 * these like any other part of the request.
 */
export interface Fixture {
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface IdRef {
  id: string;
  tenant: string;
}

/** Known ids by resource (`sessions`, `documents`, `contacts`, `messages`, ...), of every tenant. */
export type IdPools = Map<string, IdRef[]>;

export interface FuzzRequest {
  method: string;
  /** Path with query string. */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the case did, for reports: `valid`, or the mutation and where. */
  label: string;
}

const BODYLESS = new Set(['GET', 'HEAD']);
const HEADER_NAMES = ['accept', 'origin', 'x-request-id', 'x-tenant-id', 'traceparent', 'last-event-id'] as const;
/** Header values fetch can send (visible ASCII); the server must survive every one. */
const HEADER_VALUES = [
  'text/event-stream',
  'application/xml',
  '*/*',
  'null',
  'https://evil.example',
  '',
  ' ',
  "' OR 1=1",
  'x'.repeat(8000),
  '00-zzzz-zz-01',
  '-1',
  '../..',
  '%00%ff',
];

/**
 * Percent-encodes like encodeURIComponent, except that a lone surrogate (which
 * encodeURIComponent refuses, and URLSearchParams turns into U+FFFD) is sent as the three
 * bytes a careless encoder would produce (`\ud800` -> `%ED%A0%80`): the server must cope.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

function safeHeaderValue(value: string): string {
  return [...value].filter((char) => char >= ' ' && char <= '~').join('');
}

/**
 * The plan arbitrary of one operation: the mutations that make sense for its shape, mostly
 * under credentials that pass authentication (`authenticated`: their indexes), so that broken
 * input reaches validation and handlers, not only the guard.
 */
export function casePlanArbitrary(op: FuzzOperation, credentials: number, authenticated: readonly number[]): fc.Arbitrary<CasePlan> {
  const index = fc.nat({ max: 1_000_000 });
  const mutations: Array<{ arbitrary: fc.Arbitrary<Mutation>; weight: number }> = [
    { arbitrary: fc.constant<Mutation>({ kind: 'none' }), weight: 3 },
  ];
  if (op.body) {
    mutations.push(
      { arbitrary: index.map((at) => ({ kind: 'drop-field', at })), weight: 2 },
      {
        arbitrary: fc.record({ at: index, value: hostileValue }).map(({ at, value }) => ({ kind: 'replace-field', at, value })),
        weight: 5,
      },
      {
        arbitrary: fc
          .record({ name: fc.oneof(hostileString, fc.constantFrom('tenantId', 'role', 'isAdmin', 'version', 'id')), value: hostileValue })
          .map(({ name, value }) => ({ kind: 'extra-field', name, value })),
        weight: 2,
      },
      { arbitrary: hostileValue.map((value) => ({ kind: 'replace-body', value })), weight: 2 },
    );
  }
  if (!BODYLESS.has(op.method)) {
    mutations.push(
      { arbitrary: fc.nat({ max: RAW_BODIES.length - 1 }).map((at) => ({ kind: 'raw-body', at })), weight: 2 },
      { arbitrary: fc.nat({ max: WRONG_CONTENT_TYPES.length - 1 }).map((at) => ({ kind: 'content-type', at })), weight: 2 },
    );
  }
  const query = op.parameters.filter((p) => p.in === 'query');
  if (query.length > 0) {
    const queryString = fc.oneof(
      fc.constantFrom(...EDGE_STRINGS),
      fc.string({ unit: 'binary', maxLength: 16 }),
      fc.constantFrom('x'.repeat(3000), '9'.repeat(40), '-1', '0', '101', '1.5', 'true', '[]'),
    );
    mutations.push(
      { arbitrary: fc.record({ at: index, value: queryString }).map(({ at, value }) => ({ kind: 'query-value', at, value })), weight: 3 },
      { arbitrary: index.map((at) => ({ kind: 'query-repeat', at })), weight: 1 },
    );
  }
  mutations.push({
    arbitrary: fc
      .record({
        name: fc.constantFrom('tenant_id', 'limit[]', '__proto__', 'constructor[prototype]', 'x'),
        value: fc.constantFrom(...EDGE_STRINGS),
      })
      .map(({ name, value }) => ({ kind: 'query-extra', name, value })),
    weight: 1,
  });
  if (op.parameters.some((p) => p.in === 'path')) {
    mutations.push({
      arbitrary: fc
        .record({
          at: index,
          value: fc.oneof(fc.constantFrom(...EDGE_STRINGS), fc.string({ unit: 'binary', maxLength: 16 }), fc.constant('a'.repeat(5000))),
          encode: fc.boolean(),
        })
        .map(({ at, value, encode }) => ({ kind: 'path-value', at, value, encode })),
      weight: 3,
    });
  }
  mutations.push({
    arbitrary: fc
      .record({ name: fc.constantFrom(...HEADER_NAMES), value: fc.constantFrom(...HEADER_VALUES) })
      .map(({ name, value }) => ({ kind: 'header', name, value })),
    weight: 1,
  });
  const credential =
    authenticated.length > 0
      ? fc.oneof({ arbitrary: fc.constantFrom(...authenticated), weight: 3 }, { arbitrary: fc.nat({ max: credentials - 1 }), weight: 1 })
      : fc.nat({ max: credentials - 1 });
  return fc.record({ credential, jsfSeed: fc.nat({ max: 2 ** 31 - 1 }), pick: index, mutation: fc.oneof(...mutations) });
}

/** Longest string json-schema-faker is asked for (huge strings come from the hostile values). */
const FAKE_MAX_LENGTH = 1000;
const capped = new WeakMap<JsonSchema, JsonSchema>();

/**
 * `schema` with every `maxLength` lowered to FAKE_MAX_LENGTH: json-schema-faker draws a length
 * up to the schema's bound before its own `maxLength` option cuts it, so a 500,000-character
 * bound costs seconds per value.
 */
function capStrings(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map(capStrings);
  const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, capStrings(value)]));
  if (typeof out.maxLength === 'number' && out.maxLength > FAKE_MAX_LENGTH) {
    out.maxLength = FAKE_MAX_LENGTH;
    if (typeof out.minLength === 'number') out.minLength = Math.min(out.minLength, FAKE_MAX_LENGTH);
  }
  return out;
}

/** A value of `schema` from json-schema-faker: optional members half the time, a few items, strings of at most 1,000 characters. */
export function fakeValue(schema: JsonSchema, seed: number): unknown {
  let bounded = capped.get(schema);
  if (!bounded) {
    bounded = capStrings(schema) as JsonSchema;
    capped.set(schema, bounded);
  }
  return generateSync(bounded as never, { seed, maxDefaultItems: 2, optionalsProbability: 0.5, maxDepth: 4, maxLength: FAKE_MAX_LENGTH });
}

function pickFrom<T>(items: readonly T[], pick: number, salt: number): T | undefined {
  if (items.length === 0) return undefined;
  return items[(pick + salt * 7919) % items.length];
}

/** Resources whose ids members name differently from the path: `channel_ids` are notification channels, a `duplicate_id` a contact's. */
const RESOURCE_ALIASES: Record<string, string> = { channels: 'notification-channels', rules: 'notification-rules', duplicates: 'contacts' };

/** A known id for `resource` (of `idsOf`'s tenant when given), or now and then a random (unknown) one. */
function knownId(pools: IdPools, resource: string, pick: number, salt: number, idsOf?: string): string | undefined {
  const pool = pools.get(resource) ?? pools.get(RESOURCE_ALIASES[resource] ?? '') ?? [];
  if (idsOf !== undefined) {
    const own = pool.filter((ref) => ref.tenant === idsOf);
    return pickFrom(own.length > 0 ? own : pool, pick, salt)?.id;
  }
  if ((pick + salt) % 7 === 0) return undefined; // the generated value: an id nobody has
  return pickFrom(pool, pick, salt)?.id;
}

/** `message_id`, `sessionId`, `channel_ids` -> `messages`, `sessions`, `channels`; undefined for other names. */
export function resourceOfIdField(name: string): string | undefined {
  const match = /^([a-z]+?)_?[Ii]ds?$/.exec(name);
  return match ? `${match[1].toLowerCase()}s` : undefined;
}

/**
 * Replaces uuid-valued `*_id` / `*Id` members (and the items of `*_ids` / `ids` lists) with
 * known ids, so valid bodies reach real rows; a bare `id`/`ids` is of the path's resource.
 */
function withKnownIds(value: unknown, pools: IdPools, pick: number, pathResource: string, idsOf?: string, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withKnownIds(item, pools, pick, pathResource, idsOf, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([name, member], i) => {
      const resource = name === 'id' || name === 'ids' ? pathResource : resourceOfIdField(name);
      if (resource && typeof member === 'string') return [name, knownId(pools, resource, pick, i + 1, idsOf) ?? member];
      if (resource && Array.isArray(member) && member.every((item) => typeof item === 'string')) {
        return [name, member.map((item, j) => knownId(pools, resource, pick, i + j + 1, idsOf) ?? item)];
      }
      return [name, withKnownIds(member, pools, pick, pathResource, idsOf, depth + 1)];
    }),
  );
}

/** The schema-valid body with the fixture's members laid over it (an object body only). */
function withFixture(value: unknown, fixture: Fixture['body']): unknown {
  if (!fixture) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ...fixture };
  return { ...value, ...fixture };
}

/** Paths to every member of a JSON value (objects and arrays, 4 levels deep), for field mutations. */
function memberPaths(
  value: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  if (prefix.length >= 4 || value === null || typeof value !== 'object') return out;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, member] of entries) {
    out.push([...prefix, key]);
    memberPaths(member, [...prefix, key], out);
  }
  return out;
}

function mutateAt(
  value: unknown,
  path: Array<string | number>,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]);
  return copy;
}

/** `value` with one member changed as the mutation says (the whole value when it has no members). */
function mutateBody(value: unknown, mutation: Mutation): unknown {
  const paths = memberPaths(value);
  switch (mutation.kind) {
    case 'drop-field': {
      const path = paths[mutation.at % Math.max(paths.length, 1)];
      if (!path) return undefined;
      return mutateAt(value, path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      });
    }
    case 'replace-field': {
      const path = paths[mutation.at % Math.max(paths.length, 1)];
      if (!path) return mutation.value;
      return mutateAt(value, path, (parent, key) => (parent[key] = mutation.value));
    }
    case 'extra-field':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return { [mutation.name]: mutation.value };
      return Object.defineProperty(structuredClone(value), mutation.name, {
        value: mutation.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    case 'replace-body':
      return mutation.value;
    default:
      return value;
  }
}

function caseLabel(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'none':
      return 'valid';
    case 'raw-body':
      return `raw body: ${RAW_BODIES[mutation.at].name}`;
    case 'content-type':
      return `content type: ${JSON.stringify(WRONG_CONTENT_TYPES[mutation.at])}`;
    case 'header':
      return `header ${mutation.name}`;
    default:
      return mutation.kind;
  }
}

export interface MaterializeInput {
  op: FuzzOperation;
  plan: CasePlan;
  credentialHeaders: Record<string, string>;
  pools: IdPools;
  /** Values for header parameters the schema cannot know (`origin`: an allowed origin). */
  headerDefaults: Record<string, string>;
  /** This operation's fixture, if it has one. */
  fixture?: Fixture;
}

/** The concrete request of a plan. Pure: the same plan and pools give the same request. */
export function materialize({ op, plan, credentialHeaders, pools, headerDefaults, fixture = {} }: MaterializeInput): FuzzRequest {
  const { mutation, pick, jsfSeed, idsOf } = plan;
  const headers: Record<string, string> = { ...credentialHeaders, ...fixture.headers };

  const pathParams = op.parameters.filter((p) => p.in === 'path');
  let url = op.path;
  pathParams.forEach((param, i) => {
    let value = knownId(pools, resourceOfParam(op.path, param.name), pick, i, idsOf) ?? String(fakeValue(param.schema, jsfSeed + i));
    let encode = true;
    if (mutation.kind === 'path-value' && mutation.at % pathParams.length === i) {
      value = mutation.value;
      encode = mutation.encode;
    }
    url = url.replace(`{${param.name}}`, encode ? percentEncode(value) : value.replace(/[?#\s]/g, (c) => encodeURIComponent(c)));
  });

  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const query: Array<[string, string]> = [];
  queryParams.forEach((param, i) => {
    const resource = resourceOfIdField(param.name);
    const known = resource ? knownId(pools, resource, pick, i, idsOf) : undefined;
    // Optional parameters a third of the time; never a generated `cursor` (an opaque token
    // only a previous page can give; the mutations send malformed ones).
    if (!param.required && !known && (param.name === 'cursor' || (jsfSeed + i) % 3 !== 0)) return;
    const value = known ?? fakeValue(param.schema, jsfSeed + i);
    if (value === undefined || value === null) return;
    query.push([param.name, typeof value === 'string' ? value : JSON.stringify(value)]);
  });
  for (const [name, value] of Object.entries(fixture.query ?? {})) {
    const existing = query.find(([key]) => key === name);
    if (existing) existing[1] = value;
    else query.push([name, value]);
  }
  if (mutation.kind === 'query-value' && queryParams.length > 0) {
    const name = queryParams[mutation.at % queryParams.length].name;
    const existing = query.find(([key]) => key === name);
    if (existing) existing[1] = mutation.value;
    else query.push([name, mutation.value]);
  }
  if (mutation.kind === 'query-repeat' && queryParams.length > 0) {
    const name = queryParams[mutation.at % queryParams.length].name;
    query.push([name, '1'], [name, '2']);
  }
  if (mutation.kind === 'query-extra') query.push([mutation.name, mutation.value]);
  if (query.length > 0) url += `?${query.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')}`;

  for (const param of op.parameters.filter((p) => p.in === 'header' && fixture.headers?.[p.name.toLowerCase()] === undefined)) {
    const value = headerDefaults[param.name.toLowerCase()] ?? fakeValue(param.schema, jsfSeed);
    if (param.required || pick % 2 === 0) headers[param.name.toLowerCase()] = safeHeaderValue(String(value));
  }

  let body: Buffer | undefined;
  if (op.body && !BODYLESS.has(op.method)) {
    const contentType = op.body.contentTypes.includes('application/json') ? 'application/json' : op.body.contentTypes[0];
    const generated = withKnownIds(fakeValue(op.body.schemas[contentType] ?? {}, jsfSeed), pools, pick, resourceOf(op.path), idsOf);
    const valid = withFixture(generated, fixture.body);
    const value = mutateBody(valid, mutation);
    if (contentType.startsWith('text/')) {
      body = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value ?? ''));
    } else if (
      contentType === 'application/x-www-form-urlencoded' &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      // A form (Slack's slash command): each member a field, non-strings as their JSON.
      const fields = Object.entries(value).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
      body = Buffer.from(fields.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&'));
    } else if (value !== undefined) {
      body = Buffer.from(JSON.stringify(value));
    }
    if (body) headers['content-type'] = contentType;
  }
  if (mutation.kind === 'raw-body' && !BODYLESS.has(op.method)) {
    body = RAW_BODIES[mutation.at].bytes;
    headers['content-type'] = 'application/json';
  }
  if (mutation.kind === 'content-type' && !BODYLESS.has(op.method)) {
    delete headers['content-type'];
    Object.assign(headers, WRONG_CONTENT_TYPES[mutation.at]);
    body ??= Buffer.from('{}');
  }
  if (mutation.kind === 'header') headers[mutation.name] = safeHeaderValue(mutation.value);

  return { method: op.method, url, headers, body, label: caseLabel(mutation) };
}
