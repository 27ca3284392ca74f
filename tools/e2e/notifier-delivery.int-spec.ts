import { Webhook } from 'standardwebhooks';
import { buildPlatform, eventually, http, openSseStream, startPlatform, type Platform } from './platform';
import { HttpReceiver, SmtpReceiver } from './notification-receivers';

// Issue 13 end to end on the real services (offline responder): an urgent message reaches the
// staff inbox live, a signed webhook, Slack, Discord and an SMTP server, each exactly once;
// retries against a receiver that recovers, the circuit breaker opening and closing, dead
// letters and their redrive, test sends, and a notifier SIGKILLed in the middle of a send.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}ntf`;
let platform: Platform;
let api: (path: string) => string;
let ownerAuth: Record<string, string>;
const receiver = new HttpReceiver();
const smtp = new SmtpReceiver();

beforeAll(async () => {
  buildPlatform();
  await receiver.start();
  await smtp.start();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'notifier', 'gateway'], {
    notifier: {
      NOTIFIER_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      NOTIFIER_RETRY_BASE_MS: '300',
      NOTIFIER_RETRY_MAX_MS: '1000',
      NOTIFIER_MAX_ATTEMPTS: '4',
      NOTIFIER_BREAKER_VOLUME: '3',
      NOTIFIER_BREAKER_RESET_MS: '8000',
      NOTIFIER_LEASE_MS: '12000',
      NOTIFIER_HTTP_TIMEOUT_MS: '4000',
    },
    // Tenant creation hashes passwords: give it room on a busy 2-core machine.
    gateway: { RPC_TIMEOUT_MS: '20000' },
  });
  api = (path) => `${platform.gatewayUrl}${path}`;
  const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
  ownerAuth = { authorization: `Bearer ${login.body.token}` };
}, 280_000);

afterAll(async () => {
  await platform?.stop();
  await receiver.stop();
  await smtp.stop();
});

let counter = 0;
async function newTenant() {
  counter += 1;
  const slug = `ntf-${counter}-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
  const admin = { email: `admin-${slug}@example.test`, password: 'admin password 123' };
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: { displayName: "Bob's Plumbing", slug, kind: 'plumber', timezone: 'Europe/London', domain: null, config: {}, admin },
  });
  expect(created.status).toBe(201);
  const key = { 'x-api-key': created.body.apiKey.key as string };
  const login = await http(api('/api/v1/auth/login'), { body: admin });
  expect(login.status).toBe(200);
  return { tenantId: created.body.tenant.id as string, key, staff: { authorization: `Bearer ${login.body.token}` } };
}

async function channel(auth: Record<string, string>, name: string, settings: Record<string, unknown>) {
  const res = await http(api('/api/v1/notification-channels'), { headers: auth, body: { name, settings } });
  expect(res.status).toBe(201);
  return { id: res.body.channel.id as string, secret: res.body.signing_secret as string | null };
}

async function urgentMessage(key: Record<string, string>, text = 'Help! A pipe has burst and the kitchen is flooding right now') {
  const session = await http(api('/api/v1/sessions'), { headers: key, body: {} });
  const chat = await http(api('/api/v1/chat'), { headers: { authorization: `Bearer ${session.body.token}` }, body: { message: text } });
  expect(chat.status).toBe(200);
  return session.body.session.id as string;
}

async function deliveries(auth: Record<string, string>, query = '') {
  const res = await http(api(`/api/v1/notification-deliveries?limit=100${query}`), { headers: auth });
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
}

/** An SSE stream (the staff inbox by default) read in the background; frames collect as they arrive. */
function openInbox(auth: Record<string, string>, path = '/api/v1/notifications/stream') {
  return openSseStream(api(path), auth);
}

describe('the notifier delivers', () => {
  it('an urgent message reaches the live inbox, a signed webhook, Slack, Discord and email, each exactly once', async () => {
    const bob = await newTenant();
    const webhook = await channel(bob.staff, 'ops webhook', { kind: 'webhook', url: receiver.url('/hooks/bob') });
    await channel(bob.staff, 'slack #jobs', { kind: 'slack', url: receiver.url('/services/T000/B000/bob') });
    await channel(bob.staff, 'discord', { kind: 'discord', url: receiver.url('/api/webhooks/1/bob') });
    await channel(bob.staff, 'office email', { kind: 'email', to: ['office@bobs.example'], sender_name: "Bob's Parley" });
    expect(webhook.secret).toMatch(/^whsec_/);

    const inbox = openInbox(bob.staff);
    await eventually(
      async () => inbox.frames.length,
      (n) => n > 0,
      5000,
    );
    expect(inbox.frames[0]).toEqual({ type: 'unread', count: 0 });
    const sessionId = await urgentMessage(bob.key);

    const live = await eventually(
      async () => inbox.frames.filter((f) => f.type === 'notification'),
      (f) => f.length > 0,
      20_000,
    );
    expect(live[0].notification).toMatchObject({ kind: 'urgent_callback', severity: 'critical', link: `/sessions/${sessionId}` });
    await eventually(
      async () => [
        receiver.to('/hooks/bob').length,
        receiver.to('/services/T000/B000/bob').length,
        receiver.to('/api/webhooks/1/bob').length,
        smtp.mails.length,
      ],
      (c) => c.every((n) => n >= 1),
      20_000,
    );
    await new Promise((r) => setTimeout(r, 2000)); // anything duplicated would have arrived by now
    await inbox.close();

    const [hook] = receiver.to('/hooks/bob');
    expect(receiver.to('/hooks/bob')).toHaveLength(1);
    expect(() => new Webhook(webhook.secret as string).verify(hook.body, hook.headers as Record<string, string>)).not.toThrow();
    expect(hook.json).toMatchObject({ type: 'notification.urgent_callback', data: { kind: 'urgent_callback', tenant_id: bob.tenantId } });
    const [slack] = receiver.to('/services/T000/B000/bob');
    expect(receiver.to('/services/T000/B000/bob')).toHaveLength(1);
    expect(JSON.stringify((slack.json as { blocks: unknown[] }).blocks)).toContain(`/sessions/${sessionId}`);
    const [discord] = receiver.to('/api/webhooks/1/bob');
    expect(receiver.to('/api/webhooks/1/bob')).toHaveLength(1);
    expect((discord.json as { embeds: Array<{ url: string }> }).embeds[0].url).toContain(`/sessions/${sessionId}`);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].subject).toContain('Urgent callback');
    expect(smtp.mails[0].from?.text).toContain("Bob's Parley");
    expect(inbox.frames.filter((f) => f.type === 'notification')).toHaveLength(1);

    const log = await deliveries(bob.staff);
    expect(log.map((d) => [d.channel_kind, d.status]).sort()).toEqual([
      ['discord', 'delivered'],
      ['email', 'delivered'],
      ['inbox', 'delivered'],
      ['slack', 'delivered'],
      ['webhook', 'delivered'],
    ]);
    const list = await http(api('/api/v1/notifications'), { headers: bob.staff });
    expect(list.body.unread_count).toBe(1);
    const read = await http(api('/api/v1/notifications/read'), { headers: bob.staff, body: { all: true } });
    expect(read.body).toEqual({ marked: 1, unread_count: 0 });
  });

  it("tells the visitor's live stream that the callback request was passed on", async () => {
    const t = await newTenant();
    const session = await http(api('/api/v1/sessions'), { headers: t.key, body: {} });
    const visitor = { authorization: `Bearer ${session.body.token}` };
    const live = openInbox(visitor, '/api/v1/chat/stream');
    await new Promise((r) => setTimeout(r, 500));
    const chat = await http(api('/api/v1/chat'), {
      headers: { ...visitor, accept: 'text/event-stream' },
      body: { message: 'Help! A pipe has burst and the kitchen is flooding right now' },
    });
    const requested = chat.text
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => JSON.parse(l.slice(5)) as { type: string; action?: { id: string; status: string } })
      .find((f) => f.type === 'action');
    expect(requested?.action?.status).toBe('requested');
    const outcome = await eventually(
      async () => live.frames.filter((f) => f.type === 'action'),
      (f) => f.length > 0,
      20_000,
    );
    await live.close();
    expect(outcome).toEqual([
      { type: 'action', action: { id: requested?.action?.id, type: 'callback_request', status: 'done', detail: 'Passed on to the team.' } },
    ]);
  });

  it('retries a receiver that fails and then recovers, with backoff, and delivers once', async () => {
    const t = await newTenant();
    receiver.respond('/hooks/flaky', { status: 503 }, { status: 500 }, { status: 200 });
    const hook = await channel(t.staff, 'flaky', { kind: 'webhook', url: receiver.url('/hooks/flaky') });
    await urgentMessage(t.key);
    const rows = await eventually(
      () => deliveries(t.staff, `&channel_id=${hook.id}`),
      (d) => d[0]?.status === 'delivered',
      20_000,
    );
    expect(rows[0]).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
    expect(receiver.to('/hooks/flaky')).toHaveLength(3);
    expect(new Set(receiver.to('/hooks/flaky').map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('opens the circuit for a channel that keeps failing, and closes it when the channel is back', async () => {
    const t = await newTenant();
    receiver.respond('/hooks/down', { status: 500 });
    const hook = await channel(t.staff, 'down', { kind: 'webhook', url: receiver.url('/hooks/down') });
    for (let i = 0; i < 3; i += 1) await http(api(`/api/v1/notification-channels/${hook.id}/test`), { headers: t.staff, body: {} });
    const metrics = async () => (await fetch(`${platform.gatewayUrl.replace(/:\d+$/, '')}:${portOf('notifier')}/metrics`)).text();
    await eventually(metrics, (text) => text.includes('parley_notifier_breakers_open{channel="webhook",service="notifier"} 1'), 10_000);
    const before = receiver.to('/hooks/down').length;
    const deferred = await http(api(`/api/v1/notification-channels/${hook.id}/test`), { headers: t.staff, body: {} });
    expect(deferred.body.delivery).toMatchObject({ status: 'pending', attempts: 0, last_error: expect.stringContaining('circuit open') });
    expect(receiver.to('/hooks/down')).toHaveLength(before);
    receiver.respond('/hooks/down', { status: 200 });
    await eventually(metrics, (text) => text.includes('parley_notifier_breakers_open{channel="webhook",service="notifier"} 0'), 40_000);
    const delivered = await eventually(
      () => deliveries(t.staff, `&channel_id=${hook.id}&status=delivered`),
      (d) => d.length >= 1,
      20_000,
    );
    expect(delivered.length).toBeGreaterThanOrEqual(1);
  });

  it('dead-letters a delivery the receiver refuses, and redrives it on request', async () => {
    const t = await newTenant();
    receiver.respond('/hooks/gone', { status: 410 });
    const hook = await channel(t.staff, 'gone', { kind: 'webhook', url: receiver.url('/hooks/gone') });
    const test = await http(api(`/api/v1/notification-channels/${hook.id}/test`), { headers: t.staff, body: {} });
    expect(test.body.delivery).toMatchObject({ status: 'dead', attempts: 1, last_status_code: 410 });
    receiver.respond('/hooks/gone', { status: 204 });
    const redrive = await http(api('/api/v1/notification-deliveries/redrive'), { headers: t.staff, body: { channel_id: hook.id } });
    expect(redrive.body).toEqual({ redriven: 1 });
    const rows = await eventually(
      () => deliveries(t.staff, `&channel_id=${hook.id}`),
      (d) => d[0]?.status === 'delivered',
      15_000,
    );
    expect(rows[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it("never shows one tenant's channels, deliveries or inbox to another", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const hook = await channel(a.staff, 'private', { kind: 'webhook', url: receiver.url('/hooks/private') });
    expect((await http(api('/api/v1/notification-channels'), { headers: b.staff })).body.items).toEqual([]);
    expect((await http(api(`/api/v1/notification-channels/${hook.id}/test`), { headers: b.staff, body: {} })).status).toBe(404);
    expect((await http(api(`/api/v1/notification-channels/${hook.id}`), { method: 'DELETE', headers: b.staff })).status).toBe(404);
    const rule = await http(api('/api/v1/notification-rules'), {
      headers: b.staff,
      body: {
        name: 'steal',
        enabled: true,
        kinds: [],
        min_severity: 'info',
        channel_ids: [hook.id],
        inbox_user_ids: [],
        inbox_roles: [],
        quiet_hours: null,
        digest: false,
        digest_hour: 8,
      },
    });
    expect(rule.status).toBe(400);
    expect(rule.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses bad channel and rule input with problem+json and changes nothing', async () => {
    const t = await newTenant();
    const problem = async (res: Awaited<ReturnType<typeof http>>, status: number) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    };
    await problem(
      await http(api('/api/v1/notification-channels'), {
        headers: t.staff,
        body: { name: 'creds', settings: { kind: 'webhook', url: 'https://user:pw@example.com/hook' } },
      }),
      400,
    );
    await problem(
      await http(api('/api/v1/notification-channels'), {
        headers: t.staff,
        body: { name: 'ftp', settings: { kind: 'webhook', url: 'ftp://example.com/hook' } },
      }),
      400,
    );
    const slack = await channel(t.staff, 'slack', { kind: 'slack', url: receiver.url('/services/T1/B1/x') });
    await problem(await http(api(`/api/v1/notification-channels/${slack.id}/rotate-secret`), { headers: t.staff, body: {} }), 400);
    await problem(
      await http(api(`/api/v1/notification-channels/${slack.id}`), {
        method: 'PATCH',
        headers: t.staff,
        body: { settings: { kind: 'discord', url: receiver.url('/api/webhooks/2/x') } },
      }),
      400,
    );
    await problem(
      await http(api('/api/v1/notification-channels'), {
        headers: t.staff,
        body: { name: 'slack', settings: { kind: 'slack', url: receiver.url('/services/T1/B1/y') } },
      }),
      409,
    );
    const rule = {
      name: 'night',
      enabled: true,
      kinds: [],
      min_severity: 'info',
      channel_ids: [slack.id],
      inbox_user_ids: [],
      inbox_roles: [],
      digest: false,
      digest_hour: 8,
    };
    await problem(
      await http(api('/api/v1/notification-rules'), {
        headers: t.staff,
        body: { ...rule, quiet_hours: { start: '22:00', end: '07:00', timezone: 'Mars/Olympus' } },
      }),
      400,
    );
    await problem(
      await http(api('/api/v1/notification-rules'), { headers: t.staff, body: { ...rule, inbox_roles: ['owner'], quiet_hours: null } }),
      400,
    );
    const channels = await http(api('/api/v1/notification-channels'), { headers: t.staff });
    expect(channels.body.items.map((c: { name: string; kind: string; target: string }) => [c.name, c.kind])).toEqual([['slack', 'slack']]);
    expect(channels.body.items[0].target).not.toContain('/services/T1/B1/x');
    expect((await http(api('/api/v1/notification-rules'), { headers: t.staff })).body).toMatchObject({ items: [], defaults: true });
  });

  it('a notifier SIGKILLed in the middle of a send: one delivery per target, re-sent once with the same id, one distinct id per receiver', async () => {
    // The contract (ADR 0010): each (event, channel, recipient) is recorded once and sent once,
    // except a send cut by a crash, which is sent again after its lease ran out with the same
    // webhook-id / Message-ID (the delivery id), so the receiver dedupes.
    const t = await newTenant();
    receiver.respond('/hooks/slow', { status: 200, hangMs: 3000 });
    const hook = await channel(t.staff, 'slow', { kind: 'webhook', url: receiver.url('/hooks/slow') });
    await channel(t.staff, 'mail', { kind: 'email', to: ['kill@bobs.example'] });
    const mailsBefore = smtp.mails.length;
    await urgentMessage(t.key);
    // The receiver holds the webhook request; kill the notifier while it waits for the answer.
    await eventually(
      async () => receiver.arrived.filter((p) => p === '/hooks/slow').length,
      (n) => n >= 1,
      20_000,
    );
    await platform.restart('notifier');
    receiver.respond('/hooks/slow', { status: 200 });
    const rows = await eventually(
      () => deliveries(t.staff, `&channel_id=${hook.id}`),
      (d) => d[0]?.status === 'delivered',
      40_000,
    );
    expect(rows).toHaveLength(1);
    const all = await eventually(
      () => deliveries(t.staff),
      (d) => d.every((row) => row.status === 'delivered'),
      40_000,
    );
    // Recorded once per target.
    expect(all.map((d) => [d.channel_kind, d.status]).sort()).toEqual([
      ['email', 'delivered'],
      ['inbox', 'delivered'],
      ['webhook', 'delivered'],
    ]);
    await new Promise((r) => setTimeout(r, 2000)); // a third copy would have arrived by now

    // Webhook: the send cut by the kill reached the receiver (which answered into a closed
    // connection) and the re-send after the lease is the second and last receipt; one webhook-id,
    // the delivery's id.
    expect(receiver.arrived.filter((p) => p === '/hooks/slow')).toHaveLength(2);
    const receipts = receiver.to('/hooks/slow');
    expect(receipts).toHaveLength(2);
    expect([...new Set(receipts.map((r) => r.headers['webhook-id']))]).toEqual([rows[0].id]);

    // Email was sent in the same batch: normally once, before the kill; twice only if the kill
    // fell between the SMTP server's acceptance and the row being marked delivered. Either way
    // one Message-ID, the delivery's id.
    const mailRow = all.find((d) => d.channel_kind === 'email') as Record<string, unknown>;
    const mails = smtp.mails.slice(mailsBefore).filter((m) => JSON.stringify(m.to).includes('kill@bobs.example'));
    expect(mails.length === 1 || mails.length === 2).toBe(true);
    expect([...new Set(mails.map((m) => m.messageId))]).toEqual([`<${String(mailRow.id)}@parley>`]);
  });
});

function portOf(service: 'notifier'): string {
  const proc = platform.processes.get(service) as unknown as { stdout: string[] };
  const line = proc.stdout.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'listening');
  return String(line?.port ?? new URL(String(line?.url)).port);
}
