import { buildPlatform, eventually, http, sseFrames, startPlatform, type Platform } from './platform';

// Issue 4 + 6 end to end, through the gateway only, on the real services (compiled dist, one
// process each) with the offline responder (no model): the owner creates a tenant, its backend
// uploads knowledge and opens a session, the visitor chats over SSE; within seconds the
// tenant's CRM holds the contact, and after close the summary carries the follow-up.
jest.setTimeout(180_000);

const namespace = `${process.env.TEST_RUN_ID}e2e`;
let platform: Platform;

beforeAll(async () => {
  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'tenant-intelligence', 'gateway']);
}, 170_000);

afterAll(async () => {
  await platform?.stop();
});

describe('demo conversation through the gateway', () => {
  it('becomes a contact with the right fields, an interaction, and after close a summary with the follow-up', async () => {
    const api = (path: string) => `${platform.gatewayUrl}${path}`;
    const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
    expect(login.status).toBe(200);
    const owner = { authorization: `Bearer ${login.body.token}` };

    const slug = `plumber-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
    const created = await http(api('/api/v1/admin/tenants'), {
      headers: owner,
      body: {
        displayName: 'Bob the Plumber',
        slug,
        kind: 'plumber',
        timezone: 'Europe/London',
        domain: 'https://bob-plumbing.example',
        config: {
          persona: 'You are the friendly assistant of Bob the Plumber.',
          emergencyText: 'If you smell gas, call 0800 111 999 now.',
        },
        admin: { email: `bob-${slug}@example.test`, password: 'bob admin password' },
      },
    });
    expect(created.status).toBe(201);
    const apiKey = { 'x-api-key': created.body.apiKey.key as string };

    const upload = await http(api('/api/v1/knowledge/documents'), {
      headers: apiKey,
      body: {
        title: 'Boilers',
        format: 'markdown',
        content: '# Boiler repairs\nWe repair leaking boilers the same day. Call-out fee is 80 GBP.',
      },
    });
    expect(upload.status).toBe(201);

    const session = await http(api('/api/v1/sessions'), { headers: apiKey, body: {} });
    expect(session.status).toBe(201);
    const sessionId = session.body.session.id as string;
    const visitor = { authorization: `Bearer ${session.body.token}`, accept: 'text/event-stream' };

    const message = "Hi, I'm Dave, my boiler's leaking, call me on 07700 900123 — not before 10am please";
    const chat = await http(api('/api/v1/chat'), { headers: visitor, body: { message } });
    expect(chat.status).toBe(200);
    expect(chat.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const frames = sseFrames(chat.text);
    const types = frames.map((f) => f.type);
    expect(types.filter((t) => t === 'done')).toHaveLength(1);
    expect(types.at(-1)).toBe('done');
    expect(types).toContain('token');
    if (types.includes('signal')) expect(types.indexOf('signal')).toBeLessThan(types.indexOf('token'));
    const answer = frames
      .filter((f) => f.type === 'token')
      .map((f) => f.content)
      .join('');
    expect(answer.length).toBeGreaterThan(0);

    const contacts = await eventually(
      () => http(api('/api/v1/contacts'), { headers: apiKey }),
      (r) => r.status === 200 && r.body.items.length > 0,
      15_000,
    );
    expect(contacts.body.items).toEqual([expect.objectContaining({ name: 'Dave', phone: '+447700900123' })]);
    const contactId = contacts.body.items[0].id as string;
    const detail = await http(api(`/api/v1/contacts/${contactId}`), { headers: apiKey });
    expect(detail.body.timeline).toEqual([expect.objectContaining({ sessionId })]);
    expect(detail.body.contact.preferences).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'avoid', value: 'phone before 10:00' })]),
    );
    const interactions = await http(api('/api/v1/interactions'), { headers: apiKey });
    expect(interactions.body.items).toEqual([expect.objectContaining({ sessionId, contactId })]);

    const close = await http(api(`/api/v1/sessions/${sessionId}/close`), { headers: apiKey, body: {} });
    expect(close.status).toBe(200);
    const summary = await eventually(
      () => http(api(`/api/v1/sessions/${sessionId}/summary`), { headers: apiKey }),
      (r) => r.status === 200,
      15_000,
    );
    expect(summary.status).toBe(200);
    expect(summary.body.summary).toMatchObject({ outcome: 'needs_follow_up', contactId });
    expect(summary.body.summary.followUps[0].action).toBe('Call Dave back on +447700900123 (not before 10:00)');

    // Tenant staff read the same CRM with their JWT, export the contact, then erase it.
    const staffLogin = await http(api('/api/v1/auth/login'), {
      body: { email: `bob-${slug}@example.test`, password: 'bob admin password' },
    });
    expect(staffLogin.status).toBe(200);
    const staff = { authorization: `Bearer ${staffLogin.body.token}` };
    expect((await http(api(`/api/v1/contacts?search=dave`), { headers: staff })).body.items.map((c: { id: string }) => c.id)).toEqual([
      contactId,
    ]);
    const exported = await http(api(`/api/v1/contacts/${contactId}/export`), { headers: staff });
    expect(exported.status).toBe(200);
    expect(exported.body.sessions[0].messages[0].content).toBe(message);
    const erased = await http(api(`/api/v1/contacts/${contactId}`), { method: 'DELETE', headers: staff });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ contact_id: contactId, sessions: 1 });
    expect((await http(api(`/api/v1/contacts/${contactId}`), { headers: staff })).status).toBe(404);
    const history = await http(api(`/api/v1/chat/history?session_id=${sessionId}`), { headers: apiKey });
    expect(JSON.stringify(history.body.items)).not.toMatch(/07700 900123|Dave/);

    // Another tenant sees none of it.
    const other = await http(api('/api/v1/admin/tenants'), {
      headers: owner,
      body: { displayName: 'Other Diner', slug: `${slug}-b`.slice(0, 63), kind: 'restaurant', timezone: 'Europe/London', domain: null },
    });
    const otherKey = { 'x-api-key': other.body.apiKey.key as string };
    expect((await http(api('/api/v1/contacts'), { headers: otherKey })).body.items).toEqual([]);
    expect((await http(api(`/api/v1/contacts/${contactId}`), { headers: otherKey })).status).toBe(404);
    expect((await http(api(`/api/v1/sessions/${sessionId}/summary`), { headers: otherKey })).status).toBe(404);
  });
});
