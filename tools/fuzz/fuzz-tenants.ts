import { randomBytes } from 'node:crypto';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier, UserTokens } from '@parley/auth';
import { eventually, http, type HttpResult } from '../e2e/platform';
import { addId, harvestIds } from './id-pools';
import type { Fixture, FuzzRequest, IdPools } from './request-cases';
import { seedOwnerChannels } from './owner-channels.fixture';

// The world the fuzzer attacks: two tenants (A and B) whose data carry distinctive marker
// strings, a third (C) that owner requests may deactivate or re-key, a fourth (W) whose site
// key the widget routes use (no credential of the set acts for it, so no request can revoke
// its key or change its origins), and every kind of credential. Everything is created through
// the gateway, as a real client would.

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
  name: 'A' | 'B' | 'C' | 'W';
  id: string;
  marker: string;
  origin: string;
  apiKey: string;
  admin: { email: string; password: string };
  staffToken: string;
  /** The tenant_agent's token (A and B). */
  agentToken: string;
  sessionToken: string;
  sessionId: string;
  /** The assistant's answer in that session (A and B). */
  messageId: string;
  /** A live publishable key (W). */
  siteKey: string;
}

/** Valid terms of a fuzzed billing plan (soft cap and unlimited: a hard cap could refuse the run's chat turns). */
const FUZZ_PLAN_TERMS = {
  name: 'Fuzz plan',
  currency: 'EUR',
  monthly_fee: '9.00',
  included_messages: null,
  included_tokens: null,
  cap_mode: 'soft',
  overage_per_message: '0.01',
  overage_per_1k_tokens: '0.002',
  rate_limit_per_minute: null,
  features: [],
  allowed_providers: null,
};

const DEGRADE_ALL_OFF = { cheaper_model: false, lean_context: false, skip_model_extraction: false, offline_only: false };

export interface FuzzWorld {
  tenants: SeededTenant[];
  credentials: Credential[];
  pools: IdPools;
  /** Marker of each tenant, by name: no answer to one tenant may contain another's. */
  markers: Record<'A' | 'B', string>;
  headerDefaults: Record<string, string>;
  /** Per operation id (`POST /v1/chat/completions`), what a schema cannot know; see request-cases.ts. */
  fixtures: Record<string, Fixture>;
  /** Per operation id, the signature headers of a request's exact bytes (the owner's Slack and Discord routes). */
  signers?: Record<string, (request: FuzzRequest) => Record<string, string>>;
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

/** The claims of a JWT, unverified (the fuzzer reads its own tokens). */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function seedTenant(options: SeedOptions, ownerToken: string, name: SeededTenant['name'], pools: IdPools): Promise<SeededTenant> {
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
  const seeded = {
    name,
    id,
    marker,
    origin,
    apiKey,
    admin,
    staffToken: '',
    agentToken: '',
    sessionToken: '',
    sessionId: '',
    messageId: '',
    siteKey: '',
  };
  if (name === 'C') {
    // A site key for the owner's per-tenant site-key routes (revoke).
    const created = ensure2xx('site key C', await http(api('/api/v1/site-keys'), { headers: keyHeaders, body: { revokeOthers: false } }));
    addId(pools, 'site-keys', created.body.siteKey.id as string, name);
    return seeded;
  }
  if (name === 'W') {
    const created = ensure2xx('site key W', await http(api('/api/v1/site-keys'), { headers: keyHeaders, body: { revokeOthers: false } }));
    return { ...seeded, siteKey: created.body.siteKey.key as string };
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
  const sessions: Array<{ id: string; token: string; messageId: string }> = [];
  for (const n of [1, 2]) {
    const session = ensure2xx(
      `session ${name}${n}`,
      await http(api('/api/v1/sessions'), { headers: keyHeaders, body: { externalUserId: `${marker}-visitor-${n}` } }),
    );
    harvestIds(pools, 'sessions', session.body, name);
    const chat = ensure2xx(
      `chat ${name}${n}`,
      await http(api('/api/v1/chat'), {
        headers: { authorization: `Bearer ${session.body.token}` },
        body: { message: `Hi, I'm Dana, my ${marker} boiler is leaking, email me at ${marker}${n}@example.com` },
      }),
    );
    harvestIds(pools, 'chat', chat.body, name);
    sessions.push({ id: session.body.session.id as string, token: session.body.token as string, messageId: String(chat.body.message_id) });
  }
  ensure2xx(`close ${name}2`, await http(api(`/api/v1/sessions/${sessions[1].id}/close`), { headers: keyHeaders, body: {} }));
  const login = ensure2xx(`staff login ${name}`, await http(api('/api/v1/auth/login'), { body: admin }));
  const staffHeaders = { authorization: `Bearer ${login.body.token}` };
  const agent = { email: `agent-${slug}@fuzz.test`, password: `fuzz agent password ${name}` };
  ensure2xx(
    `agent ${name}`,
    await http(api('/api/v1/users'), {
      headers: staffHeaders,
      body: { ...agent, displayName: `Agent ${marker}`, role: 'tenant_agent' },
    }),
  );
  const agentLogin = ensure2xx(`agent login ${name}`, await http(api('/api/v1/auth/login'), { body: agent }));
  // A staff user no credential belongs to, for PATCH /api/v1/users/{id} (disabling it, or a new
  // role or password, revokes only its own tokens); and identity providers for the
  // id-addressed identity-provider routes (public names: the SSRF policy refuses private ones).
  const target = ensure2xx(
    `target user ${name}`,
    await http(api('/api/v1/users'), {
      headers: staffHeaders,
      body: { email: `target-${slug}@fuzz.test`, password: `fuzz target password ${name}`, role: 'tenant_agent' },
    }),
  );
  addId(pools, 'users', target.body.user.id as string, name);
  for (const n of [1, 2, 3]) {
    ensure2xx(
      `identity provider ${name}${n}`,
      await http(api('/api/v1/identity-providers'), {
        headers: staffHeaders,
        body: {
          ...FUZZ_IDP,
          issuer: `https://sso.${slug}.example/realms/r${n}`,
          jwks_url: `https://sso.${slug}.example/realms/r${n}/certs`,
        },
      }),
    );
  }
  // Rows the id-addressed notification and site-key routes work on (found again by discoverIds
  // through the list routes): enough that updates, tests and rotations still find some after
  // the deletes of the matrix and the races.
  const channelIds: string[] = [];
  for (const n of [1, 2, 3, 4]) {
    const channel = ensure2xx(
      `notification channel ${name}${n}`,
      await http(api('/api/v1/notification-channels'), {
        headers: keyHeaders,
        body: { name: `Ops ${marker} ${n}`, settings: { kind: 'webhook', url: `https://hooks.${slug}.example/parley/${n}` } },
      }),
    );
    channelIds.push(channel.body.channel.id as string);
  }
  for (const n of [1, 2, 3, 4]) {
    ensure2xx(
      `notification rule ${name}${n}`,
      await http(api('/api/v1/notification-rules'), {
        headers: keyHeaders,
        body: { name: `Urgent ${marker} ${n}`, min_severity: 'warning', channel_ids: [channelIds[n - 1]] },
      }),
    );
  }
  for (const n of [1, 2]) {
    ensure2xx(`site key ${name}${n}`, await http(api('/api/v1/site-keys'), { headers: keyHeaders, body: { revokeOthers: false } }));
  }
  // Integrations the id-addressed integration routes work on (three: deletes and races leave some).
  for (const n of [1, 2, 3]) {
    const integration = ensure2xx(
      `integration ${name}${n}`,
      await http(api('/api/v1/integrations'), {
        headers: keyHeaders,
        body: {
          kind: 'rest',
          name: `Shop API ${marker} ${n}`,
          base_url: `https://api.${slug}.example`,
          auth: { type: 'bearer', token: `secret-${marker}-${n}` },
        },
      }),
    );
    addId(pools, 'integrations', integration.body.integration.id as string, name);
  }
  const contacts = await eventually(
    () => http(api('/api/v1/contacts'), { headers: keyHeaders }),
    (r) => r.status === 200 && (r.body.items?.length ?? 0) > 0,
    20_000,
  );
  harvestIds(pools, 'contacts', contacts.body, name);
  return {
    ...seeded,
    staffToken: login.body.token as string,
    agentToken: agentLogin.body.token as string,
    sessionToken: sessions[0].token,
    sessionId: sessions[0].id,
    messageId: sessions[0].messageId,
  };
}

/** created_at bounds of the audit routes' fixtures: every row of the run is inside. */
const AUDIT_WINDOW = { from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };

/** A valid identity provider (Keycloak-shaped claims); issuer and JWKS URL are set per use. */
const FUZZ_IDP = {
  name: 'Fuzz SSO',
  audience: 'parley-web',
  claims: { user_id: 'sub', email: 'email', roles: 'realm_access.roles' },
  role_mapping: { 'fuzz-admin': 'tenant_admin', 'fuzz-staff': 'tenant_agent' },
  status: 'active',
};

const FUZZ_TOOL_PARAMETERS = {
  type: 'object',
  properties: { serial: { type: 'string', maxLength: 40 } },
  required: [],
  additionalProperties: false,
};

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
  const w = await seedTenant(options, ownerToken, 'W', pools);
  // A custom catalogue tool the tools routes address (random keys name no tool): the owner's
  // route updates it, the tenants' route enables it.
  const toolKey = `fuzz_lookup_${options.runTag.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  ensure2xx(
    'custom tool',
    await http(`${options.gatewayUrl}/api/v1/admin/tools/${toolKey}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ownerToken}` },
      body: { name: 'Fuzz lookup', description: 'A custom tool of the fuzz run.', parameters: FUZZ_TOOL_PARAMETERS },
    }),
  );
  for (const tenant of ['A', 'B', 'C', 'W']) addId(pools, 'tools', toolKey, tenant);
  // A billing plan the plan routes address (random keys name no plan); no tenant is put on it,
  // so the delete phase can remove it.
  const planKey = `fuzz-${options.runTag.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 40);
  ensure2xx(
    'billing plan',
    await http(`${options.gatewayUrl}/api/v1/admin/plans`, {
      headers: { authorization: `Bearer ${ownerToken}` },
      body: { key: planKey, name: 'Fuzz plan', currency: 'EUR', monthly_fee: '9.00', included_messages: 100000, cap_mode: 'soft' },
    }),
  );
  for (const tenant of ['A', 'B', 'C', 'W']) addId(pools, 'plans', planKey, tenant);

  // The owner's Slack app and Discord application: the signed routes' settings and signers.
  const channels = await seedOwnerChannels(options.gatewayUrl, ownerToken, options.runTag);
  for (const tenant of ['A', 'B', 'C', 'W']) addId(pools, 'owner-channels', channels.id, tenant);

  const ring = SigningKeyRing.fromConfig({ active: options.signingKey.kid, keys: { [options.signingKey.kid]: options.signingKey.secret } });
  const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000);
  const expiredSigner = new TokenSigner(ring, { clock: twoDaysAgo });
  const verifier = new TokenVerifier(ring);
  const expiredSession = await new SessionTokens(expiredSigner, verifier).issueSessionToken({
    tenantId: a.id,
    sessionId: a.sessionId,
    ttlSeconds: 3600,
  });
  const expiredUsers = new UserTokens(expiredSigner, verifier);
  const expiredOwner = await expiredUsers.issueUserToken({ userId: a.id, role: 'owner', ttlSeconds: 3600 });
  // A's admin, as a token that expired a day ago: signed with the real key, a real user.
  const expiredStaff = await expiredUsers.issueUserToken({
    userId: String(claimsOf(a.staffToken).sub),
    role: 'tenant_admin',
    tenantId: a.id,
    ttlSeconds: 3600,
  });

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
    { label: 'expired:staff', kind: 'expired', tenant: null, headers: { authorization: `Bearer ${expiredStaff.token}` } },
    ...tenantCredentials(a),
    { label: 'agent:A', kind: 'staff', tenant: 'A', headers: { authorization: `Bearer ${a.agentToken}` } },
    ...tenantCredentials(b),
    { label: 'owner', kind: 'owner', tenant: null, headers: { authorization: `Bearer ${ownerToken}` } },
  ];
  const widget: Fixture = { headers: { origin: w.origin } };
  const fixtures: Record<string, Fixture> = {
    // A real login (A's admin), not a random email.
    'POST /api/v1/auth/login': { body: a.admin },
    // A tenant the platform can create and update: a real IANA zone, an origin, no first admin
    // (a random one may break the password policy); the config is set, not random.
    'POST /api/v1/admin/tenants': {
      body: { timezone: 'Europe/Paris', domain: null, admin: undefined, config: { persona: 'A fuzzed tenant.', allowedOrigins: [] } },
    },
    'PATCH /api/v1/admin/tenants/{id}': { body: { timezone: 'Europe/Paris', config: { retentionDays: 30 } } },
    // Feedback on the answer in the session of A's session token.
    'POST /api/v1/chat/feedback': { body: { message_id: a.messageId } },
    // Rules whose inbox users exist (random user ids are unknown: 400 before the rule is reached).
    'POST /api/v1/notification-rules': { body: { inbox_user_ids: [] } },
    'PUT /api/v1/notification-rules/{id}': { body: { inbox_user_ids: [] } },
    // Settings of the seeded channels' kind (a channel's kind cannot change).
    'PATCH /api/v1/notification-channels/{id}': { body: { settings: { kind: 'webhook', url: 'https://hooks.fuzz.example/patched' } } },
    // Signal settings that name no rule (random rule ids are unknown).
    'PUT /api/v1/settings/signals': {
      body: { rules: [], extend: {}, disable: [], figurative: [], classifier: { enabled: true, thresholds: {}, ruleVetoes: true } },
    },
    // A REST integration on a public name (the SSRF policy refuses private ones), no endpoints.
    'POST /api/v1/integrations': {
      body: {
        kind: 'rest',
        name: 'Fuzz API',
        base_url: 'https://api.fuzz.example',
        config: { headers: {} },
        auth: { type: 'none' },
        endpoints: [],
      },
    },
    'PATCH /api/v1/integrations/{id}': {
      body: {
        name: undefined,
        status: 'active',
        base_url: 'https://api2.fuzz.example',
        config: { headers: {} },
        auth: { type: 'none' },
        endpoints: [],
      },
    },
    // The custom tool of the run: enabled without an integration (its settings name no endpoint).
    'PUT /api/v1/tools/{key}': { body: { enabled: true, integration_id: null, settings: {} } },
    'PUT /api/v1/admin/tools/{key}': {
      body: { enabled: true, category: 'custom', integration_kinds: ['rest'], parameters: FUZZ_TOOL_PARAMETERS },
    },
    // W's live site key, from W's allowed origin.
    'GET /api/v1/widget/config': { ...widget, query: { siteKey: w.siteKey } },
    'POST /api/v1/widget/sessions': { ...widget, body: { siteKey: w.siteKey } },
    // Degrade switches all off with a reason (a random switch set could leave the platform answering offline for the rest of the run).
    'PUT /api/v1/admin/degrade': { body: { switches: DEGRADE_ALL_OFF, reason: 'fuzz' } },
    // The owner assistant: a read in a new conversation (a random conversation id is another's or none: 404).
    'POST /api/v1/admin/assistant': { body: { message: 'Show me all my clients', conversation_id: undefined, stream: false } },
    'PUT /api/v1/admin/tenants/{id}/degrade': { body: { switches: DEGRADE_ALL_OFF, reason: 'fuzz' } },
    // C's insights over one valid local week (random dates are often the wrong way round or too far apart).
    'GET /api/v1/admin/tenants/{id}/insights': { query: { period: 'day', from: '2026-11-01', to: '2026-11-07' } },
    // C's key rotated with a grace period and no list (random key ids are unknown: 400/404 before the rotation).
    'POST /api/v1/admin/tenants/{id}/keys/rotate': { body: { graceSeconds: 3600, revokeKeyIds: undefined } },
    // Audit trail: a time window that holds every row (random from/to are often the wrong way
    // round) and a whole page size (the document's `limit` is a number: a drawn 91.5 is refused).
    'GET /api/v1/audit-log': { query: { ...AUDIT_WINDOW, limit: '50' } },
    'GET /api/v1/audit-log/export': { query: AUDIT_WINDOW },
    'GET /api/v1/admin/audit-log': { query: { ...AUDIT_WINDOW, limit: '50' } },
    'GET /api/v1/admin/audit-log/export': { query: AUDIT_WINDOW },
    // Billing plans: a new key of the run and valid terms (random decimals and keys rarely fit),
    // a tenant moved to no plan (a plan with a tenant cannot be deleted in the delete phase).
    'POST /api/v1/admin/plans': { body: { key: `${planKey.slice(0, 34)}-new`, ...FUZZ_PLAN_TERMS } },
    'PATCH /api/v1/admin/plans/{key}': { body: FUZZ_PLAN_TERMS },
    'PUT /api/v1/admin/tenants/{id}/plan': { body: { plan_key: null } },
    // Bot settings: a real time zone and a config without random origins (the random ones often break the schema).
    'PATCH /api/v1/settings': { body: { timezone: 'Europe/London', config: { persona: 'A fuzzed persona.' } } },
    // Identity providers: a new issuer of the run on a public name (random URLs are often private
    // or taken); a change that keeps the issuer. The target user: a change without a random password.
    'POST /api/v1/identity-providers': {
      body: {
        ...FUZZ_IDP,
        issuer: `https://sso-new.${options.runTag.toLowerCase().replace(/[^a-z0-9]/g, '')}.example/realms/fuzz`,
        jwks_url: 'https://sso.fuzz.example/certs',
      },
    },
    'PATCH /api/v1/identity-providers/{id}': { body: { ...FUZZ_IDP, issuer: undefined, jwks_url: 'https://sso2.fuzz.example/certs' } },
    'PATCH /api/v1/users/{id}': { body: { displayName: 'Fuzzed target', password: undefined } },
    // A conversation whose last message is the user's (tool and function roles are refused).
    'POST /v1/chat/completions': { body: { messages: [{ role: 'user', content: 'Do you repair leaking boilers?' }] } },
    // The platform's usage over one valid week (random dates are often the wrong way round or too far apart).
    'GET /api/v1/admin/usage': { query: { from: '2026-11-01', to: '2026-11-07' } },
    ...channels.fixtures,
  };
  return {
    tenants: [a, b, c, w],
    credentials,
    pools,
    markers: { A: a.marker, B: b.marker },
    headerDefaults: { origin: a.origin },
    fixtures,
    signers: channels.signers,
  };
}
