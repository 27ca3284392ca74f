import { createPrismaClient, type PrismaClient } from '@parley/persistence';
import { buildPlatform, eventually, http, sseFrames, startPlatform, type Platform } from './platform';

// Issue 5 end to end through the gateway on the real services, offline responder: signals
// shape the answer and reach the right people; escalation hands the session to a person who
// replies live and hands it back; a returning customer is greeted by name.
jest.setTimeout(240_000);

const namespace = `${process.env.TEST_RUN_ID}sig`;
const EMERGENCY = 'If you smell gas, leave the building and call 0800 111 999.';
let platform: Platform;
let owner: PrismaClient;
let api: (path: string) => string;
let ownerAuth: Record<string, string>;

beforeAll(async () => {
  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'tenant-intelligence', 'gateway']);
  owner = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
  api = (path) => `${platform.gatewayUrl}${path}`;
  const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
  ownerAuth = { authorization: `Bearer ${login.body.token}` };
}, 230_000);

afterAll(async () => {
  await platform?.stop();
  await owner?.$disconnect();
});

let tenantCounter = 0;
async function newTenant(handoffEnabled: boolean) {
  tenantCounter += 1;
  const slug = `sig-${tenantCounter}-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
  const adminEmail = `admin-${slug}@example.test`;
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: {
      displayName: 'Bob the Plumber',
      slug,
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: null,
      config: { emergencyText: EMERGENCY, escalation: { handoffEnabled, handoffMessage: null, notifyOnEscalation: true } },
      admin: { email: adminEmail, password: 'admin password 123' },
    },
  });
  expect(created.status).toBe(201);
  const key = { 'x-api-key': created.body.apiKey.key as string };
  await http(api('/api/v1/knowledge/documents'), {
    headers: key,
    body: {
      title: 'Services',
      format: 'text',
      content: 'We repair boilers, burst pipes and leaks. Emergency call-outs run 24 hours a day.',
    },
  });
  return { tenantId: created.body.tenant.id as string, key, adminEmail };
}

async function openSession(key: Record<string, string>, body: Record<string, unknown> = {}) {
  const session = await http(api('/api/v1/sessions'), { headers: key, body });
  expect(session.status).toBe(201);
  return { id: session.body.session.id as string, auth: { authorization: `Bearer ${session.body.token}` } };
}

async function say(auth: Record<string, string>, message: string) {
  const res = await http(api('/api/v1/chat'), { headers: { ...auth, accept: 'text/event-stream' }, body: { message } });
  expect(res.status).toBe(200);
  const frames = sseFrames(res.text);
  return {
    frames,
    answer: frames
      .filter((f) => f.type === 'token')
      .map((f) => f.content)
      .join(''),
  };
}

const outboxSubjects = async (tenantId: string) =>
  (
    await owner.$queryRaw<
      Array<{ subject: string; audience: string | null }>
    >`SELECT subject, payload->>'audience' AS audience FROM outbox WHERE subject LIKE ${`%.${tenantId}`} ORDER BY created_at`
  ).map((r) => ({ ...r }));

describe('signals shape the answer', () => {
  it('urgency: the signal frame comes before any token, the answer flags a callback, a callback action is requested (the notifier tells the tenant), the finding is stored', async () => {
    const { tenantId, key } = await newTenant(false);
    const session = await openSession(key);
    const { frames, answer } = await say(session.auth, 'Help! A pipe has burst and the kitchen is flooding right now');
    const types = frames.map((f) => f.type);
    expect(types[0]).toBe('signal');
    expect(types.indexOf('signal')).toBeLessThan(types.indexOf('token'));
    expect(JSON.stringify(frames[0])).toContain('urgency');
    expect(answer).toMatch(/urgent callback/i);
    const rows = await eventually(
      () => outboxSubjects(tenantId),
      (all) => all.some((r) => r.subject.startsWith('evt.action.requested.')),
      5000,
    );
    expect(rows.filter((r) => r.subject.startsWith('evt.action.requested.'))).toHaveLength(1);
    expect(rows.filter((r) => r.subject.startsWith('evt.notify.requested.'))).toEqual([]);
    const stored = await owner.$queryRaw<
      Array<{ kind: string }>
    >`SELECT kind FROM message_signals WHERE session_id = ${session.id}::uuid AND source = 'l1a'`;
    expect(stored.map((s) => s.kind)).toContain('urgency');
  });

  it("safety: the answer gives the tenant's emergency text, and both the tenant and the owner are notified", async () => {
    const { tenantId, key } = await newTenant(false);
    const session = await openSession(key);
    const { frames, answer } = await say(session.auth, 'I can smell gas in the hallway, is that dangerous?');
    expect(frames[0].type).toBe('signal');
    expect(JSON.stringify(frames[0])).toContain('safety');
    expect(answer).toContain(EMERGENCY);
    const notes = await eventually(
      () => outboxSubjects(tenantId),
      (rows) => rows.filter((r) => r.subject.startsWith('evt.notify.requested.')).length >= 2,
      5000,
    );
    expect(
      notes
        .filter((r) => r.subject.startsWith('evt.notify.requested.'))
        .map((r) => r.audience)
        .sort(),
    ).toEqual(['owner', 'tenant']);
  });

  it('escalation without handoff: the bot offers a person and the session is marked as needing one', async () => {
    const { key } = await newTenant(false);
    const session = await openSession(key);
    const { answer } = await say(session.auth, 'I want to speak to a real person, not a bot');
    expect(answer).toMatch(/person|someone from the team/i);
    const view = await http(api(`/api/v1/sessions/${session.id}`), { headers: key });
    expect(view.body.session).toMatchObject({ needsHuman: true, mode: 'bot' });
  });
});

describe('human handoff', () => {
  it('a person takes over, replies live into the visitor stream and history, and hands back to the bot', async () => {
    const { key, adminEmail } = await newTenant(true);
    const session = await openSession(key);
    const { answer } = await say(session.auth, 'Can I talk to a human please? This bot is useless');
    expect(answer).toMatch(/person from the team will reply/i);
    const view = await http(api(`/api/v1/sessions/${session.id}`), { headers: key });
    expect(view.body.session).toMatchObject({ needsHuman: true, mode: 'human' });

    // While in human mode the bot stays quiet.
    const quiet = await say(session.auth, 'Hello? Anyone there?');
    expect(quiet.answer).not.toMatch(/assistant for/i);

    const login = await http(api('/api/v1/auth/login'), { body: { email: adminEmail, password: 'admin password 123' } });
    const staff = { authorization: `Bearer ${login.body.token}` };
    const waiting = await http(api('/api/v1/handoff/sessions'), { headers: staff });
    expect(waiting.body.items.map((s: { id: string }) => s.id)).toContain(session.id);

    // The visitor's live stream receives the staff reply.
    const controller = new AbortController();
    const live = await fetch(api('/api/v1/chat/stream'), { headers: session.auth, signal: controller.signal });
    expect(live.status).toBe(200);
    const reader = live.body!.getReader();
    let received = '';
    const decoder = new TextDecoder();
    const readUntil = async (needle: string, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!received.includes(needle)) {
        const left = deadline - Date.now();
        const next = await Promise.race([reader.read(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(0, left)))]);
        if (next === 'timeout')
          throw new Error(`live stream: no ${needle} within ${timeoutMs} ms; received so far: ${JSON.stringify(received)}`);
        if (next.done) throw new Error(`live stream ended before ${needle}; received: ${JSON.stringify(received)}`);
        received += decoder.decode(next.value, { stream: true });
      }
    };
    await readUntil(': connected');
    const reply = await http(api(`/api/v1/handoff/sessions/${session.id}/reply`), {
      headers: staff,
      body: { content: 'Hi, this is Bob. I can come at 2pm today.' },
    });
    expect(reply.status).toBe(201);
    await readUntil('staff_message');
    expect(sseFrames(received)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'staff_message',
          message: expect.objectContaining({ role: 'staff', content: 'Hi, this is Bob. I can come at 2pm today.' }),
        }),
      ]),
    );

    const history = await http(api(`/api/v1/chat/history?session_id=${session.id}`), { headers: session.auth });
    expect(history.body.items.map((m: { role: string }) => m.role)).toContain('staff');

    const released = await http(api(`/api/v1/handoff/sessions/${session.id}/release`), { headers: staff, body: {} });
    expect(released.body.session).toMatchObject({ mode: 'bot', needsHuman: false });
    await readUntil('"mode"');
    controller.abort();
    const back = await say(session.auth, 'Do you repair boilers?');
    expect(back.answer).toMatch(/boiler/i);
  });
});

describe('returning customer', () => {
  it('a new session of a known visitor is greeted by name; never across tenants', async () => {
    const { key } = await newTenant(false);
    const first = await openSession(key, { externalUserId: 'cust-dave' });
    await say(first.auth, "Hi, I'm Dave, my number is 07700 900123");
    await eventually(
      () => http(api('/api/v1/contacts'), { headers: key }),
      (r) => r.body?.items?.some((c: { name: string }) => c.name === 'Dave'),
      15_000,
    );

    const second = await openSession(key, { externalUserId: 'cust-dave' });
    const { answer } = await say(second.auth, 'Hello again');
    expect(answer).toMatch(/Dave/);

    // Known by the phone number the CRM holds, without any external id.
    const byPhone = await openSession(key, { customer: { phone: '07700 900123' } });
    expect((await say(byPhone.auth, 'Hi there')).answer).toMatch(/Dave/);

    const other = await newTenant(false);
    const elsewhere = await openSession(other.key, { externalUserId: 'cust-dave', customer: { phone: '07700 900123' } });
    const strange = await say(elsewhere.auth, 'Hello again');
    expect(strange.answer).not.toMatch(/Dave/);
  });
});
