import { randomBytes } from 'node:crypto';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier, UserTokens } from '@parley/auth';
import { eventually, http, type HttpResult } from '../e2e/platform';
import { addId, harvestIds } from './id-pools';
import type { IdPools } from './request-cases';

// The world the fuzzer attacks: two tenants (A and B) whose data carry distinctive marker
// strings, a third (C) that owner requests may deactivate or re-key, and every kind of
// credential. Everything is created through the gateway, as a real client would.

export type CredentialKind = 'none' | 'garbage' | 'expired' | 'api_key' | 'session' | 'staff' | 'owner';

export interface Credential {
  /** `api_key:A`, `garbage:alg-none`... (the report's column key). */
  label: string;
  kind: CredentialKind;
  /** The tenant it acts for; null for the owner and anonymous callers. */
  tenant: 'A' | 'B' | null;
  headers: Record<string, string>;
}

export interface SeededTenant {
  name: 'A' | 'B' | 'C';
  id: string;
  marker: string;
  origin: string;
  apiKey: string;
  staffToken: string;
  sessionToken: string;
  sessionId: string;
}

export interface FuzzWorld {
  tenants: SeededTenant[];
  credentials: Credential[];
  pools: IdPools;
  /** Marker of each tenant, by name: no answer to one tenant may contain another's. */
  markers: Record<'A' | 'B', string>;
  headerDefaults: Record<string, string>;
}

export interface SeedOptions {
  gatewayUrl: string;
  owner: { email: string; password: string };
  /** The gateway's AUTH_SIGNING_KEYS entry `kid:secret`, to sign expired tokens. */
  signingKey: { kid: string; secret: string };
  runTag: string;
}

function ensure2xx(what: string, result: HttpResult): HttpResult {
  if (result.status < 200 || result.status >= 300)
    throw new Error(`fuzz seeding: ${what} answered ${result.status}: ${result.text.slice(0, 300)}`);
  return result;
}

async function seedTenant(options: SeedOptions, ownerToken: string, name: 'A' | 'B' | 'C', pools: IdPools): Promise<SeededTenant> {
  const api = (path: string) => `${options.gatewayUrl}${path}`;
  const marker = `fzmark${name.toLowerCase()}${randomBytes(5).toString('hex')}`;
  const slug = `fuzz-${name.toLowerCase()}-${options.runTag}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 60);
  const origin = `https://${slug}.example`;
  const admin = { email: `admin-${slug}@fuzz.test`, password: `fuzz admin password ${name}` };
  const created = ensure2xx(
    `create tenant ${name}`,
    await http(api('/api/v1/admin/tenants'), {
      headers: { authorization: `Bearer ${ownerToken}` },
      body: {
        displayName: `Fuzz ${name} ${marker}`,
        slug,
        kind: 'plumber',
        timezone: 'Europe/London',
        domain: origin,
        config: { persona: `You answer for ${marker} Plumbing.`, allowedOrigins: [origin], rateLimitPerMinute: 100_000 },
        admin,
      },
    }),
  );
  const id = created.body.tenant.id as string;
  const apiKey = created.body.apiKey.key as string;
  const keyHeaders = { 'x-api-key': apiKey };
  if (name === 'C') {
    return { name, id, marker, origin, apiKey, staffToken: '', sessionToken: '', sessionId: '' };
  }

  for (const n of [1, 2]) {
    const doc = ensure2xx(
      `knowledge ${name}${n}`,
      await http(api('/api/v1/knowledge/documents'), {
        headers: keyHeaders,
        body: {
          title: `Boilers ${marker} ${n}`,
          format: 'markdown',
          content: `# Boiler repairs by ${marker} (${n})\nWe repair leaking boilers the same day (${marker}). Call-out fee is ${70 + n * 10} GBP.`,
        },
      }),
    );
    harvestIds(pools, 'documents', doc.body, name);
  }
  const sessions: Array<{ id: string; token: string }> = [];
  for (const n of [1, 2]) {
    const session = ensure2xx(
      `session ${name}${n}`,
      await http(api('/api/v1/sessions'), { headers: keyHeaders, body: { externalUserId: `${marker}-visitor-${n}` } }),
    );
    harvestIds(pools, 'sessions', session.body, name);
    sessions.push({ id: session.body.session.id as string, token: session.body.token as string });
    const chat = ensure2xx(
      `chat ${name}${n}`,
      await http(api('/api/v1/chat'), {
        headers: { authorization: `Bearer ${session.body.token}` },
        body: { message: `Hi, I'm Dana, my ${marker} boiler is leaking, email me at ${marker}${n}@example.com` },
      }),
    );
    harvestIds(pools, 'chat', chat.body, name);
  }
  ensure2xx(`close ${name}2`, await http(api(`/api/v1/sessions/${sessions[1].id}/close`), { headers: keyHeaders, body: {} }));
  const login = ensure2xx(`staff login ${name}`, await http(api('/api/v1/auth/login'), { body: admin }));
  const contacts = await eventually(
    () => http(api('/api/v1/contacts'), { headers: keyHeaders }),
    (r) => r.status === 200 && (r.body.items?.length ?? 0) > 0,
    20_000,
  );
  harvestIds(pools, 'contacts', contacts.body, name);
  return {
    name,
    id,
    marker,
    origin,
    apiKey,
    staffToken: login.body.token as string,
    sessionToken: sessions[0].token,
    sessionId: sessions[0].id,
  };
}

/** Garbage credentials: the shapes an attacker tries first. */
function garbageCredentials(): Credential[] {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'owner', aud: 'parley:user', exp: 9_999_999_999 })}.`;
  const garbage: Array<[string, Record<string, string>]> = [
    ['garbage:bearer', { authorization: 'Bearer not-a-token' }],
    ['garbage:alg-none', { authorization: `Bearer ${algNone}` }],
    ['garbage:api-key', { 'x-api-key': `sk_live_${'Z'.repeat(40)}` }],
    ['garbage:huge', { authorization: `Bearer ${'a'.repeat(12_000)}.${'b'.repeat(100)}.c` }],
    ['garbage:scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
  ];
  return garbage.map(([label, headers]) => ({ label, kind: 'garbage', tenant: null, headers }));
}

/** Seeds tenants A, B and C through the gateway and builds every credential kind. */
export async function seedFuzzWorld(options: SeedOptions): Promise<FuzzWorld> {
  const pools: IdPools = new Map();
  const ownerLogin = ensure2xx('owner login', await http(`${options.gatewayUrl}/api/v1/auth/login`, { body: options.owner }));
  const ownerToken = ownerLogin.body.token as string;
  const a = await seedTenant(options, ownerToken, 'A', pools);
  const b = await seedTenant(options, ownerToken, 'B', pools);
  const c = await seedTenant(options, ownerToken, 'C', pools);
  addId(pools, 'tenants', c.id, 'C');

  const ring = SigningKeyRing.fromConfig({ active: options.signingKey.kid, keys: { [options.signingKey.kid]: options.signingKey.secret } });
  const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000);
  const expiredSigner = new TokenSigner(ring, { clock: twoDaysAgo });
  const verifier = new TokenVerifier(ring);
  const expiredSession = await new SessionTokens(expiredSigner, verifier).issueSessionToken({
    tenantId: a.id,
    sessionId: a.sessionId,
    ttlSeconds: 3600,
  });
  const expiredOwner = await new UserTokens(expiredSigner, verifier).issueUserToken({ userId: a.id, role: 'owner', ttlSeconds: 3600 });

  const tenantCredentials = (t: SeededTenant): Credential[] => [
    { label: `api_key:${t.name}`, kind: 'api_key', tenant: t.name as 'A' | 'B', headers: { 'x-api-key': t.apiKey } },
    { label: `session:${t.name}`, kind: 'session', tenant: t.name as 'A' | 'B', headers: { authorization: `Bearer ${t.sessionToken}` } },
    { label: `staff:${t.name}`, kind: 'staff', tenant: t.name as 'A' | 'B', headers: { authorization: `Bearer ${t.staffToken}` } },
  ];
  const credentials: Credential[] = [
    { label: 'none', kind: 'none', tenant: null, headers: {} },
    ...garbageCredentials(),
    { label: 'expired:session', kind: 'expired', tenant: null, headers: { authorization: `Bearer ${expiredSession.token}` } },
    { label: 'expired:owner', kind: 'expired', tenant: null, headers: { authorization: `Bearer ${expiredOwner.token}` } },
    ...tenantCredentials(a),
    ...tenantCredentials(b),
    { label: 'owner', kind: 'owner', tenant: null, headers: { authorization: `Bearer ${ownerToken}` } },
  ];
  return { tenants: [a, b, c], credentials, pools, markers: { A: a.marker, B: b.marker }, headerDefaults: { origin: a.origin } };
}
