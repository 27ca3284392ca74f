import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { buildPlatform, eventually, http, startPlatform, type HttpResult, type Platform } from './platform';

// The audit trail (issue 18 point 5, ADR 0023) through the real gateway and services from their
// dist: a run of every audited action leaves one row each in the tenant's (or the platform's)
// hash chain with no message content and no emails; the chains verify; the read API filters,
// pages and exports them, a tenant admin sees only its own tenant and an agent nothing; a
// superuser's tampering is found by the API's verify and by `npm run audit:verify`'s script.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}aud`;
const PASSWORD = 'staff password 123';
const SECRET_TEXT = 'my boiler code is 4471 and it leaks';
const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';
const REPO_ROOT = join(__dirname, '..', '..');
let platform: Platform;
let api: (path: string) => string;
let ownerAuth: Record<string, string>;

interface TestTenant {
  id: string;
  slug: string;
  key: Record<string, string>;
  admin: Record<string, string>;
  adminId: string;
  adminEmail: string;
  agent: Record<string, string>;
  agentEmail: string;
}
let a: TestTenant;
let b: TestTenant;
let sessionId: string;
let contactId: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const login = (email: string, password = PASSWORD) => http(api('/api/v1/auth/login'), { body: { email, password } });

function expectProblem(res: HttpResult, status: number, code?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  if (code) expect(res.body).toMatchObject({ status, code });
}

async function newTenant(name: string): Promise<TestTenant> {
  const slug = `${name}-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
  const adminEmail = `admin-${slug}@example.test`;
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: {
      displayName: `${name} Plumbing`,
      slug,
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: `https://${name}.example`,
      config: { escalation: { handoffEnabled: true, handoffMessage: null, notifyOnEscalation: false } },
      admin: { email: adminEmail, password: PASSWORD },
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.tenant.id as string;
  const agentEmail = `agent-${slug}@example.test`;
  expect(
    (
      await http(api(`/api/v1/admin/tenants/${id}/users`), {
        headers: ownerAuth,
        body: { email: agentEmail, password: PASSWORD, role: 'tenant_agent' },
      })
    ).status,
  ).toBe(201);
  const adminLogin = await login(adminEmail);
  const claims = JSON.parse(Buffer.from((adminLogin.body.token as string).split('.')[1], 'base64url').toString('utf8')) as { sub: string };
  return {
    id,
    slug,
    key: { 'x-api-key': created.body.apiKey.key as string },
    admin: bearer(adminLogin.body.token),
    adminId: claims.sub,
    adminEmail,
    agent: bearer((await login(agentEmail)).body.token),
    agentEmail,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows as the API answers them
type Row = Record<string, any>;

async function allRows(path: string, headers: Record<string, string>): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const res = await http(api(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`), { headers });
    expect(res.status).toBe(200);
    rows.push(...(res.body.items as Row[]));
    cursor = res.body.next_cursor as string | null;
  } while (cursor);
  return rows;
}

function runVerifier(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, 'apps/client-insights/dist/audit/audit-verify.main.js'), ...args],
      { env: { PATH: process.env.PATH as string, AUDIT_DATABASE_URL: process.env.TEST_DATABASE_ANALYTICS_URL as string }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'tenant-intelligence', 'client-insights', 'notifier', 'gateway']);
  api = (path) => `${platform.gatewayUrl}${path}`;
  // Refused logins first: a known owner with a wrong password, an email nobody has.
  expectProblem(await login(platform.owner.email, 'not the password at all'), 401);
  expectProblem(await login(`nobody-${namespace.toLowerCase()}@example.test`, 'whatever password'), 401);
  ownerAuth = bearer((await http(api('/api/v1/auth/login'), { body: platform.owner })).body.token);
  a = await newTenant('auda');
  b = await newTenant('audb');

  // Every audited action once, for tenant A.
  const ok = (res: HttpResult) => {
    expect(res.status).toBeLessThan(300);
    return res;
  };
  expectProblem(await login(a.agentEmail, 'a wrong password!!'), 401);
  ok(await http(api(`/api/v1/admin/tenants/${a.id}`), { method: 'PATCH', headers: ownerAuth, body: { timezone: 'Europe/Paris' } }));
  ok(await http(api(`/api/v1/admin/tenants/${a.id}/keys/rotate`), { headers: ownerAuth, body: { graceSeconds: 3600 } }));
  ok(await http(api(`/api/v1/admin/tenants/${a.id}/deactivate`), { headers: ownerAuth, body: { reason: 'audit test' } }));
  ok(await http(api(`/api/v1/admin/tenants/${a.id}/reactivate`), { headers: ownerAuth, body: {} }));
  a.admin = bearer((await login(a.adminEmail)).body.token);
  const siteKey = ok(await http(api(`/api/v1/admin/tenants/${a.id}/site-keys`), { headers: ownerAuth, body: { revokeOthers: false } }));
  ok(await http(api(`/api/v1/admin/tenants/${a.id}/site-keys/${siteKey.body.siteKey.id}/revoke`), { headers: ownerAuth, body: {} }));
  ok(await http(api('/api/v1/settings'), { method: 'PATCH', headers: a.admin, body: { config: { tone: 'casual' } } }));
  ok(
    await http(api('/api/v1/settings/signals'), {
      method: 'PUT',
      headers: a.admin,
      body: { rules: [], extend: {}, disable: [], figurative: [], classifier: { enabled: false, thresholds: {}, ruleVetoes: true } },
    }),
  );
  const doc = ok(
    await http(api('/api/v1/knowledge/documents'), {
      headers: a.admin,
      body: {
        title: 'Boilers',
        format: 'markdown',
        content: '# Boiler repairs\nWe repair leaking boilers the same day. Call-out fee is 80 GBP.',
      },
    }),
  );
  expect(doc.body).toBeDefined();
  const channel = ok(
    await http(api('/api/v1/notification-channels'), {
      headers: a.admin,
      body: { name: 'Ops hook', settings: { kind: 'webhook', url: 'https://hooks.auda.example/parley' } },
    }),
  );
  const channelId = channel.body.channel.id as string;
  ok(
    await http(api(`/api/v1/notification-channels/${channelId}`), {
      method: 'PATCH',
      headers: a.admin,
      body: { settings: { kind: 'webhook', url: 'https://hooks.auda.example/parley2' } },
    }),
  );
  ok(
    await http(api('/api/v1/notification-rules'), {
      headers: a.admin,
      body: { name: 'Urgent', min_severity: 'warning', channel_ids: [channelId], inbox_user_ids: [] },
    }),
  );
  const session = ok(await http(api('/api/v1/sessions'), { headers: a.key, body: { externalUserId: 'visitor-1' } }));
  sessionId = session.body.session.id as string;
  ok(
    await http(api('/api/v1/chat'), {
      headers: bearer(session.body.token),
      body: { message: `Hi, I'm Dana, ${SECRET_TEXT}, email me at dana.audit@example.com` },
    }),
  );
  ok(
    await http(api(`/api/v1/handoff/sessions/${sessionId}/reply`), { headers: a.admin, body: { content: 'Staff here: I will call you.' } }),
  );
  ok(await http(api(`/api/v1/handoff/sessions/${sessionId}/release`), { headers: a.admin, body: {} }));
  const contacts = await eventually(
    () => http(api('/api/v1/contacts'), { headers: a.key }),
    (r) => r.status === 200 && (r.body.items?.length ?? 0) > 0,
    30_000,
  );
  contactId = contacts.body.items[0].id as string;
  ok(await http(api(`/api/v1/contacts/${contactId}/export`), { headers: a.admin }));
  ok(await http(api(`/api/v1/contacts/${contactId}`), { method: 'DELETE', headers: a.admin }));
  ok(await http(api(`/api/v1/notification-channels/${channelId}`), { method: 'DELETE', headers: a.admin }));
  // The owner's own channel: the platform chain.
  ok(
    await http(api('/api/v1/notification-channels'), {
      headers: ownerAuth,
      body: { name: 'Owner hook', settings: { kind: 'webhook', url: 'https://hooks.owner.example/parley' } },
    }),
  );
  // Something in B's chain too.
  ok(await http(api('/api/v1/settings'), { method: 'PATCH', headers: b.admin, body: { config: { tone: 'formal' } } }));
});

afterAll(async () => {
  await platform?.stop();
});

describe('a run of every audited action', () => {
  it("leaves one row per action in the tenant's chain, without content, passwords or emails", async () => {
    const rows = await allRows('/api/v1/audit-log', a.admin);
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'tenant.created',
      'api_key.created',
      'user.created',
      'tenant.updated',
      'api_key.rotated',
      'tenant.deactivated',
      'tenant.reactivated',
      'site_key.created',
      'site_key.revoked',
      'tenant.signals_updated',
      'knowledge.uploaded',
      'notification_channel.created',
      'notification_channel.updated',
      'notification_channel.deleted',
      'notification_rule.created',
      'chat.turn',
      'handoff.replied',
      'handoff.handed_back',
      'contact.exported',
      'contact.erased',
      'auth.login',
      'auth.login_failed',
    ]) {
      expect({ action, present: actions.has(action) }).toEqual({ action, present: true });
    }
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([a.id]));
    const text = JSON.stringify(rows);
    for (const secret of [SECRET_TEXT, 'dana.audit@example.com', a.adminEmail, a.agentEmail, PASSWORD, 'a wrong password!!', 'Staff here'])
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });

    const turn = rows.find((r) => r.action === 'chat.turn');
    expect(turn).toMatchObject({
      actor_type: 'session',
      actor_id: sessionId,
      target_type: 'chat_session',
      target_id: sessionId,
      data: { outcome: expect.stringMatching(/^(answered|unanswered|handed_off)$/), model: expect.any(String) },
    });
    expect(rows.find((r) => r.action === 'handoff.replied')).toMatchObject({
      actor_type: 'tenant_user',
      actor_id: a.adminId,
      target_id: sessionId,
    });
    expect(rows.find((r) => r.action === 'auth.login_failed')).toMatchObject({
      data: { reason: 'wrong_password' },
      actor_type: 'tenant_user',
    });
    // One chain: seq 1..n without gaps, each row pointing at the previous one's hash.
    const bySeq = [...rows].sort((x, y) => Number(x.seq) - Number(y.seq));
    expect(bySeq.map((r) => Number(r.seq))).toEqual(bySeq.map((_, i) => i + 1));
    bySeq.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(bySeq[i].hash));
  });

  it('the platform chain holds the owner login and the refused ones (an unknown email only as its sha256)', async () => {
    const rows = await allRows('/api/v1/admin/audit-log?tenant_id=platform', ownerAuth);
    expect(rows.every((r) => r.tenant_id === null)).toBe(true);
    const unknown = `nobody-${namespace.toLowerCase()}@example.test`;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'auth.login', actor_type: 'owner' }),
        expect.objectContaining({ action: 'notification_channel.created', actor_type: 'owner', target_type: 'notification_channel' }),
        expect.objectContaining({ action: 'auth.login_failed', actor_type: 'owner', data: { reason: 'wrong_password' } }),
        expect.objectContaining({
          action: 'auth.login_failed',
          actor_type: 'anonymous',
          data: { reason: 'unknown_email', emailSha256: createHash('sha256').update(unknown).digest('hex') },
        }),
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain(unknown);
  });

  it("verifies: the tenants' and the platform's chains are intact (API)", async () => {
    for (const id of [a.id, b.id, PLATFORM_CHAIN]) {
      const res = await http(api(`/api/v1/admin/audit-log/verify?tenant_id=${id}`), { headers: ownerAuth });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, chains: 1, breaks: [] });
      expect(res.body.rows).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/v1/audit-log and /api/v1/admin/audit-log', () => {
  it('filters by action (exact or prefix), session, actor and time', async () => {
    const turns = await allRows('/api/v1/audit-log?action=chat.turn', a.admin);
    expect(turns.length).toBeGreaterThan(0);
    expect(new Set(turns.map((r) => r.action))).toEqual(new Set(['chat.turn']));
    const handoff = await allRows('/api/v1/audit-log?action=handoff.*', a.admin);
    expect(handoff.map((r) => r.action).sort()).toEqual(['handoff.handed_back', 'handoff.replied']);
    const inSession = await allRows(`/api/v1/audit-log?session_id=${sessionId}`, a.admin);
    expect(new Set(inSession.map((r) => r.action))).toEqual(new Set(['chat.turn', 'handoff.replied', 'handoff.handed_back']));
    const byAdmin = await allRows(`/api/v1/audit-log?actor_id=${a.adminId}`, a.admin);
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(byAdmin.every((r) => r.actor_id === a.adminId)).toBe(true);
    // Filters combine (AND): the session's rows that are also the admin's.
    const both = await allRows(`/api/v1/audit-log?session_id=${sessionId}&actor_id=${a.adminId}`, a.admin);
    expect(both.map((r) => r.action).sort()).toEqual(['handoff.handed_back', 'handoff.replied']);
    expect(await allRows(`/api/v1/audit-log?session_id=${sessionId}&target_id=${contactId}`, a.admin)).toEqual([]);
    const contact = await allRows(`/api/v1/audit-log?target_id=${contactId}`, a.admin);
    expect(contact.map((r) => r.action).sort()).toEqual(['contact.erased', 'contact.exported']);

    const all = await allRows('/api/v1/audit-log', a.admin);
    const times = all.map((r) => Date.parse(r.created_at)).sort((x, y) => x - y);
    const middle = new Date(times[Math.floor(times.length / 2)]).toISOString();
    const before = await allRows(`/api/v1/audit-log?to=${encodeURIComponent(middle)}`, a.admin);
    const after = await allRows(`/api/v1/audit-log?from=${encodeURIComponent(middle)}`, a.admin);
    expect(before.length + after.length).toBe(all.length);
    expect(before.every((r) => Date.parse(r.created_at) < Date.parse(middle))).toBe(true);
    expect(after.every((r) => Date.parse(r.created_at) >= Date.parse(middle))).toBe(true);
  });

  it('pages newest first with an opaque cursor: every row once', async () => {
    const all = await allRows('/api/v1/audit-log', a.admin);
    const paged: Row[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await http(api(`/api/v1/audit-log?limit=4${cursor ? `&cursor=${cursor}` : ''}`), { headers: a.admin });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      paged.push(...res.body.items);
      cursor = res.body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(paged.map((r) => r.id)).size).toBe(paged.length);
    const created = paged.map((r) => Date.parse(r.created_at));
    expect(created).toEqual([...created].sort((x, y) => y - x));
  });

  it("keeps each tenant to its own rows; the owner reads any tenant's and all", async () => {
    const ofB = await allRows('/api/v1/audit-log', b.admin);
    expect(ofB.length).toBeGreaterThan(0);
    expect(new Set(ofB.map((r) => r.tenant_id))).toEqual(new Set([b.id]));
    const ofA = await allRows('/api/v1/audit-log', a.admin);
    expect(ofB.map((r) => r.id).filter((id) => ofA.some((r) => r.id === id))).toEqual([]);
    // Filters cannot reach another tenant: B's admin asking for A's session or contact gets nothing.
    expect(await allRows(`/api/v1/audit-log?session_id=${sessionId}`, b.admin)).toEqual([]);
    expect(await allRows(`/api/v1/audit-log?target_id=${a.id}`, b.admin)).toEqual([]);

    const ownerA = await allRows(`/api/v1/admin/audit-log?tenant_id=${a.id}`, ownerAuth);
    expect(ownerA.map((r) => r.id)).toEqual(ofA.map((r) => r.id));
    const ownerAll = await allRows('/api/v1/admin/audit-log?action=tenant.created', ownerAuth);
    expect(ownerAll.map((r) => r.tenant_id)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('refuses agents, the owner on the tenant route, tenant staff on the owner route, and API keys', async () => {
    expectProblem(await http(api('/api/v1/audit-log'), { headers: a.agent }), 403);
    expectProblem(await http(api('/api/v1/audit-log/export'), { headers: a.agent }), 403);
    expectProblem(await http(api('/api/v1/audit-log'), { headers: ownerAuth }), 403);
    expectProblem(await http(api('/api/v1/admin/audit-log'), { headers: a.admin }), 403);
    expectProblem(await http(api('/api/v1/admin/audit-log/verify'), { headers: a.admin }), 403);
    expect([401, 403]).toContain((await http(api('/api/v1/audit-log'), { headers: a.key })).status);
    expectProblem(await http(api('/api/v1/audit-log')), 401);
  });

  it.each([
    ['a cursor that is not one', '/api/v1/audit-log?cursor=bm90LWEtY3Vyc29y'],
    ['a cursor with other characters', '/api/v1/audit-log?cursor=%24%24%24'],
    ['a bad date', '/api/v1/audit-log?from=yesterday'],
    ['from after to', '/api/v1/audit-log?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z'],
    ['an unknown filter', '/api/v1/audit-log?tenant_id=00000000-0000-0000-0000-000000000001'],
    ['an unknown filter (export)', '/api/v1/audit-log/export?colour=red'],
    ['a bad action', '/api/v1/audit-log?action=DROP%20TABLE'],
    ['a bad session id', '/api/v1/audit-log?session_id=42'],
    ['a limit over 200', '/api/v1/audit-log?limit=201'],
  ])('answers 400 problem+json for %s', async (_label, path) => {
    expectProblem(await http(api(path), { headers: a.admin }), 400, 'VALIDATION');
  });

  it('answers 400 for bad owner filters', async () => {
    expectProblem(await http(api('/api/v1/admin/audit-log?tenant_id=everyone'), { headers: ownerAuth }), 400, 'VALIDATION');
    expectProblem(await http(api('/api/v1/admin/audit-log/verify?tenant_id=x'), { headers: ownerAuth }), 400, 'VALIDATION');
  });

  it('exports every matching row as JSON lines', async () => {
    const all = await allRows('/api/v1/audit-log', a.admin);
    const res = await fetch(api('/api/v1/audit-log/export'), { headers: a.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text()).split('\n').filter((l) => l.length > 0);
    expect(lines.map((l) => (JSON.parse(l) as Row).id)).toEqual(all.map((r) => r.id));
    const turns = await fetch(api(`/api/v1/admin/audit-log/export?tenant_id=${a.id}&action=chat.turn`), { headers: ownerAuth });
    const turnLines = (await turns.text()).split('\n').filter((l) => l.length > 0);
    expect(turnLines.length).toBeGreaterThan(0);
    expect(turnLines.every((l) => (JSON.parse(l) as Row).action === 'chat.turn')).toBe(true);
  });
});

describe('tampering', () => {
  it('a row changed by a superuser is named by the verify API and by the verify command (exit 1)', async () => {
    const rows = await allRows('/api/v1/audit-log?action=tenant.updated', a.admin);
    const victim = rows[0];
    // The run's database as the superuser: TCP or Unix-socket URL alike (a socket URL has no host, which `new URL` refuses).
    const suUrl = (process.env.TEST_SUPERUSER_URL as string).replace(
      /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/,
      `$1/${process.env.TEST_DATABASE_NAME as string}`,
    );
    const su = new pg.Client({ connectionString: suUrl });
    await su.connect();
    try {
      // The trigger refuses even the superuser; only with triggers off can a row be changed.
      await expect(su.query(`UPDATE audit_log SET data = '{}' WHERE id = $1`, [victim.id])).rejects.toThrow(/append-only/);
      await su.query('BEGIN');
      await su.query("SET LOCAL session_replication_role = 'replica'");
      await su.query(`UPDATE audit_log SET data = '{"changedFields":["nothing"]}' WHERE id = $1`, [victim.id]);
      await su.query('COMMIT');
    } finally {
      await su.end();
    }
    const report = await http(api(`/api/v1/admin/audit-log/verify?tenant_id=${a.id}`), { headers: ownerAuth });
    expect(report.body).toMatchObject({
      ok: false,
      breaks: [{ chain_id: a.id, row_id: victim.id, seq: victim.seq, reason: 'hash_mismatch' }],
    });

    const broken = await runVerifier(['--tenant', a.id]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN tenant ${a.id} at seq ${victim.seq}, row ${victim.id}: hash_mismatch`);
    const whole = await runVerifier([]);
    expect(whole.code).toBe(1);
    expect(whole.stdout).toContain(victim.id);
    const intact = await runVerifier(['--tenant', b.id, '--json']);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, chains: 1, breaks: [] });
    expect((await runVerifier(['--tenant', 'nope'])).code).toBe(2);
  });
});
