import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suffixedDemoDir } from '../support/demo-dir';
import { REPO_ROOT } from '../support/service-process';
import { buildPlatform, eventually, http, openSseStream, sseFrames, startPlatform, type Platform } from './platform';

// Issue 13 point 5 end to end on the real services (offline responder, docs/adr/0012): the
// README demo's restaurant and letting agency; a staff user asks the internal assistant about
// the rota, asks it to tell the manager they are off sick (the manager's live inbox gets one
// staff_message, the other agent's nothing), keeps per-user memory across sessions, and the
// /assistant routes refuse every credential but a staff JWT.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}sta`;
const suffix = `sa${(process.env.TEST_RUN_ID ?? 'x')
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')
  .slice(-8)}`;
const PASSWORD = 'demo staff password';
let platform: Platform;
let api: (path: string) => string;
const tenants = new Map<string, { id: string; key: string }>();

beforeAll(async () => {
  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'notifier', 'gateway'], { gateway: { RPC_TIMEOUT_MS: '20000' } });
  api = (path) => `${platform.gatewayUrl}${path}`;
  const demoDir = suffixedDemoDir(suffix);
  try {
    const out = execFileSync(process.execPath, [join(REPO_ROOT, 'apps/provisioning/dist/demo/seed-demo.main.js')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH as string,
        DATABASE_URL: process.env.TEST_DATABASE_URL as string,
        DEMO_DIR: demoDir,
        OWNER_EMAIL: platform.owner.email,
        OWNER_PASSWORD: platform.owner.password,
        DEMO_STAFF_PASSWORD: PASSWORD,
      },
    });
    for (const [, slug, id, key] of out.matchAll(/\(([a-z0-9-]+), tenant ([0-9a-f-]{36})\)[^\n]*\n\s+API key\s+(sk_live_\w+)/g))
      tenants.set(slug.replace(`-${suffix}`, ''), { id, key });
  } finally {
    rmSync(demoDir, { recursive: true, force: true });
  }
}, 280_000);

afterAll(async () => {
  await platform?.stop();
});

async function staff(email: string): Promise<Record<string, string>> {
  const login = await http(api('/api/v1/auth/login'), { body: { email: email.replace('@', `+${suffix}@`), password: PASSWORD } });
  expect(login.status).toBe(200);
  return { authorization: `Bearer ${login.body.token}` };
}

async function ask(auth: Record<string, string>, message: string) {
  const res = await http(api('/api/v1/assistant/chat'), { headers: auth, body: { message } });
  expect(res.status).toBe(200);
  return res.body as { session_id: string; content: string; actions: Array<{ type: string; label?: string }> };
}

/** A staff user's live inbox stream, read in the background. */
function openInbox(auth: Record<string, string>) {
  const stream = openSseStream(api('/api/v1/notifications/stream'), auth);
  const staffMessages = () =>
    stream.frames.filter((f) => f.type === 'notification' && (f.notification as { kind: string }).kind === 'staff_message');
  return { ...stream, staffMessages };
}

describe('the staff assistant', () => {
  it('answers a staff question about the rota from the tenant knowledge, as JSON and as SSE', async () => {
    const marco = await staff('marco@latrattoria.example');
    const answer = await ask(marco, 'Who is on the staff rota on Saturday?');
    expect(answer.content).toContain('Saturday: Marco Rossi on the lunch shift');
    expect(answer.actions).toEqual([]);

    const streamed = await http(api('/api/v1/assistant/chat'), {
      headers: { ...marco, accept: 'text/event-stream' },
      body: { message: 'What is the sick leave rule?' },
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toContain('text/event-stream');
    const frames = sseFrames(streamed.text);
    expect(frames.at(-1)).toMatchObject({ type: 'done', message_id: expect.any(String) });
    expect(
      frames
        .filter((f) => f.type === 'token')
        .map((f) => f.content)
        .join(''),
    ).toContain('tell the manager (Giulia Conti)');
  });

  it('passes "I\'m off sick tomorrow, tell the manager" to the manager\'s live inbox exactly once, and to no one else', async () => {
    const [sam, giulia, marco] = await Promise.all([
      staff('sam@latrattoria.example'),
      staff('giulia@latrattoria.example'),
      staff('marco@latrattoria.example'),
    ]);
    const managerInbox = openInbox(giulia);
    const agentInbox = openInbox(marco);
    const senderInbox = openInbox(sam);
    try {
      await eventually(
        async () => managerInbox.isOpen() && agentInbox.isOpen() && senderInbox.isOpen(),
        (ok) => ok,
        10_000,
      );
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      const streamed = await http(api('/api/v1/assistant/chat'), {
        headers: sam,
        body: { message: "I'm off sick tomorrow, tell the manager", stream: true },
      });
      const frames = sseFrames(streamed.text);
      expect(frames.filter((f) => f.type === 'action')).toEqual([
        {
          type: 'action',
          action: expect.objectContaining({ type: 'notify_staff', status: 'requested', label: 'Message sent to Giulia Conti' }),
        },
      ]);
      expect(
        frames
          .filter((f) => f.type === 'token')
          .map((f) => f.content)
          .join(''),
      ).toContain('Message sent to Giulia Conti');
      expect(frames.at(-1)).toMatchObject({ type: 'done' });

      const live = await eventually(
        async () => managerInbox.staffMessages(),
        (m) => m.length > 0,
        15_000,
      );
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(live[0].notification).toMatchObject({
        kind: 'staff_message',
        body: expect.stringContaining("From Sam Patel (via the staff assistant): I'm off sick tomorrow, tell the manager"),
      });
      // Exactly once, and only the manager.
      await new Promise((r) => setTimeout(r, 2500));
      expect(managerInbox.staffMessages()).toHaveLength(1);
      expect(agentInbox.staffMessages()).toEqual([]);
      expect(senderInbox.staffMessages()).toEqual([]);
    } finally {
      await Promise.all([managerInbox.close(), agentInbox.close(), senderInbox.close()]);
    }
  });

  it('passes a message to a colleague by name, and not a question about the manager', async () => {
    const [giulia, sam] = await Promise.all([staff('giulia@latrattoria.example'), staff('sam@latrattoria.example')]);
    const samInbox = openInbox(sam);
    try {
      await eventually(
        async () => samInbox.isOpen(),
        (ok) => ok,
        10_000,
      );
      const question = await ask(giulia, 'can you tell me when the manager is in');
      expect(question.actions).toEqual([]);
      const told = await ask(giulia, 'please let Sam know the delivery is late');
      expect(told.actions).toEqual([expect.objectContaining({ type: 'notify_staff', label: 'Message sent to Sam Patel' })]);
      const live = await eventually(
        async () => samInbox.staffMessages(),
        (m) => m.length > 0,
        15_000,
      );
      expect(live[0].notification).toMatchObject({
        body: expect.stringContaining('From Giulia Conti (via the staff assistant): please let Sam know the delivery is late'),
      });
    } finally {
      await samInbox.close();
    }
  });

  it('keeps per-user memory across sessions: a second session sees the earlier exchange, another user does not', async () => {
    const tom = await staff('tom@harbourlettings.example');
    const first = await ask(tom, 'Who is on call for call-outs in week 2?');
    expect(first.content).toContain('Week 2: Dan Okafor is on call');
    // The tenant's backend closes the session (as the idle sweeper would): the next message opens a new one.
    const harbour = tenants.get('harbour-lettings') as { id: string; key: string };
    const closed = await http(api(`/api/v1/sessions/${first.session_id}/close`), { headers: { 'x-api-key': harbour.key }, body: {} });
    expect(closed.status).toBe(200);
    const second = await ask(tom, 'What are the call-out rules?');
    expect(second.session_id).not.toBe(first.session_id);

    const history = await http(api('/api/v1/assistant/history?limit=10'), { headers: tom });
    expect(history.status).toBe(200);
    const items = history.body.items as Array<{ role: string; content: string; sessionId: string }>;
    expect(items.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(items[0]).toMatchObject({ content: 'Who is on call for call-outs in week 2?', sessionId: first.session_id });
    expect(items[2]).toMatchObject({ content: 'What are the call-out rules?', sessionId: second.session_id });
    const paged = await http(api('/api/v1/assistant/history?limit=2'), { headers: tom });
    expect(paged.body.items.map((m: { content: string }) => m.content)[0]).toBe('What are the call-out rules?');
    const older = await http(api(`/api/v1/assistant/history?limit=2&cursor=${paged.body.next_cursor}`), { headers: tom });
    expect(older.body.items[0].content).toBe('Who is on call for call-outs in week 2?');

    // Another user of the same tenant sees none of it, and a visitor credential cannot read the session.
    const dan = await staff('dan@harbourlettings.example');
    const theirs = await http(api('/api/v1/assistant/history'), { headers: dan });
    expect(theirs.body.items).toEqual([]);
    const viaKey = await http(api(`/api/v1/chat/history?session_id=${second.session_id}`), { headers: { 'x-api-key': harbour.key } });
    expect(viaKey.status).toBe(404);
    const viaColleague = await http(api(`/api/v1/chat/history?session_id=${second.session_id}`), { headers: dan });
    expect(viaColleague.status).toBe(404);
    // Assistant sessions are not visitor conversations waiting for a person.
    const queue = await http(api('/api/v1/handoff/sessions'), { headers: dan });
    expect(queue.body.items.map((s: { id: string }) => s.id)).not.toContain(second.session_id);
  });

  it("never passes a message to another tenant's user", async () => {
    const [tom, giulia] = await Promise.all([staff('tom@harbourlettings.example'), staff('giulia@latrattoria.example')]);
    const giuliaInbox = openInbox(giulia);
    try {
      await eventually(
        async () => giuliaInbox.isOpen(),
        (ok) => ok,
        10_000,
      );
      for (const message of [
        `tell giulia+${suffix}@latrattoria.example the boiler is fixed`,
        'please let Giulia know the boiler is fixed',
        'tell Giulia Conti the rent is late',
      ]) {
        const answer = await ask(tom, message);
        expect(answer.actions).toEqual([]);
        expect(answer.content).toContain('nothing was sent');
      }
      await new Promise((r) => setTimeout(r, 2000));
      expect(giuliaInbox.staffMessages()).toEqual([]);
    } finally {
      await giuliaInbox.close();
    }
  });

  it('refuses visitor session tokens, API keys and the owner on the /assistant routes, and bad input as problem+json', async () => {
    const trattoria = tenants.get('la-trattoria') as { id: string; key: string };
    const session = await http(api('/api/v1/sessions'), { headers: { 'x-api-key': trattoria.key }, body: {} });
    const owner = await http(api('/api/v1/auth/login'), { body: platform.owner });
    const credentials: Array<Record<string, string>> = [
      { 'x-api-key': trattoria.key },
      { authorization: `Bearer ${session.body.token}` },
      { authorization: `Bearer ${owner.body.token}` },
    ];
    for (const headers of credentials) {
      const chat = await http(api('/api/v1/assistant/chat'), { headers, body: { message: 'Who is on the rota?' } });
      expect(chat.status).toBe(403);
      expect(chat.headers.get('content-type')).toContain('application/problem+json');
      const history = await http(api('/api/v1/assistant/history'), { headers });
      expect(history.status).toBe(403);
    }
    expect((await http(api('/api/v1/assistant/chat'), { body: { message: 'hi' } })).status).toBe(401);

    const marco = await staff('marco@latrattoria.example');
    const empty = await http(api('/api/v1/assistant/chat'), { headers: marco, body: { message: '' } });
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    const extra = await http(api('/api/v1/assistant/chat'), { headers: marco, body: { message: 'hi', session_id: trattoria.id } });
    expect(extra.status).toBe(400);
    const badCursor = await http(api('/api/v1/assistant/history?cursor=nope'), { headers: marco });
    expect(badCursor.status).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await http(api('/docs/openapi.json'));
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/assistant/chat', '/api/v1/assistant/history']));
  });
});
