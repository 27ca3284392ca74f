import { NotifierInboxListRpc, PLATFORM_TENANT_ID } from '@parley/contracts';
import { testEnvironment } from '@parley/testing';
import { dataValues, type SseEvent } from '../../chat/__tests__/support/sse-reader';
import { tenantApiNamespace } from '../../chat/__tests__/support/tenant-api-test-app';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder } from '../../http/__tests__/support/provisioning-responder';
import { InboxStreamController } from '../inbox-stream.controller';
import { call, makeCallers, type Caller, type Callers } from './support/callers';
import { NotifierResponder } from './support/notifier-responder';
import { startNotificationsApi, type RunningNotificationsApi } from './support/notifications-test-app';
import { openSse, type SseStream } from './support/sse-client';

// GET /api/v1/notifications/stream through the real auth guard and NATS: the unread count
// first, then only the caller's own entries of notify.inbox.<scope> (never a colleague's,
// never another tenant's), heartbeats, and the end of every stream on shutdown.
jest.setTimeout(60_000);

const HEARTBEAT_MS = 100;

let namespace: string;
let api: RunningNotificationsApi;
let provisioning: ProvisioningResponder;
let notifier: NotifierResponder;
let who: Callers;
const streams: SseStream[] = [];

async function openStream(caller: Caller, baseUrl = api.url): Promise<SseStream> {
  const stream = await openSse(`${baseUrl}/api/v1/notifications/stream`, caller.headers);
  streams.push(stream);
  return stream;
}

const notificationsOf = (events: SseEvent[]) => dataValues(events).filter((f) => f.type === 'notification');
const openStreams = (app = api) => (app.app.get(InboxStreamController) as unknown as { open: Set<unknown> }).open.size;

/** The entry `id` arrived and two heartbeats followed it (so anything sent before it has arrived too). */
function delivered(id: string) {
  return (events: SseEvent[]) => {
    const at = events.findIndex((e) => e.kind === 'data' && (e.value as { notification?: { id: string } }).notification?.id === id);
    return at >= 0 && events.slice(at).filter((e) => e.kind === 'comment' && e.text === 'ping').length >= 2;
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  namespace = tenantApiNamespace('inbox');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  notifier = await NotifierResponder.start(nats, namespace);
  api = await startNotificationsApi(testGatewayConfig(namespace), { heartbeatMs: HEARTBEAT_MS });
  who = await makeCallers(api.app, provisioning);
});

afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});

afterAll(async () => {
  await api?.close();
  await notifier?.close();
  await provisioning?.close();
});

describe('GET /api/v1/notifications/stream', () => {
  it("starts with the unread count, then relays only the caller's own entries", async () => {
    notifier.addInboxEntry(who.tenant.id, who.agent.userId!);
    notifier.addInboxEntry(who.tenant.id, who.agent.userId!);
    notifier.addInboxEntry(who.tenant.id, who.colleague.userId!);

    const stream = await openStream(who.agent);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toContain('text/event-stream');
    expect(stream.headers['cache-control']).toContain('no-cache');
    expect(notifier.last(NotifierInboxListRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      userId: who.agent.userId,
      unreadOnly: true,
      limit: 1,
      cursor: null,
    });

    // A colleague's entry (same tenant), the same user id in another tenant's scope, a frame
    // on this tenant's subject claiming another tenant, an invalid frame, and then the caller's.
    await notifier.publishInbox(notifier.addInboxEntry(who.tenant.id, who.colleague.userId!, { title: 'For a colleague' }));
    await notifier.publishInbox(notifier.addInboxEntry(who.other.id, who.agent.userId!, { title: 'Other tenant' }));
    await notifier.publishInbox(notifier.addInboxEntry(who.other.id, who.agent.userId!, { title: 'Wrong scope' }), who.tenant.id);
    await notifier.publishInbox({ version: 1, tenantId: who.tenant.id, recipientUserId: who.agent.userId, title: 'Broken' });
    const mine = notifier.addInboxEntry(who.tenant.id, who.agent.userId!, {
      title: 'For you',
      kind: 'staff_message',
      severity: 'info',
      link: '/console/inbox',
    });
    await notifier.publishInbox(mine);

    const events = await stream.until(delivered(mine.id));
    expect(events[0]).toEqual({ kind: 'data', raw: '{"type":"unread","count":2}', value: { type: 'unread', count: 2 } });
    expect(notificationsOf(events)).toEqual([
      {
        type: 'notification',
        notification: {
          id: mine.id,
          notification_id: mine.notificationId,
          kind: 'staff_message',
          severity: 'info',
          title: 'For you',
          body: mine.body,
          link: '/console/inbox',
          created_at: mine.createdAt,
          read_at: null,
        },
      },
    ]);
  });

  it("relays the owner's platform-scope entries, not a tenant's entry for the same user id", async () => {
    const stream = await openStream(who.owner);
    expect(stream.status).toBe(200);
    expect(notifier.last(NotifierInboxListRpc.subject)).toMatchObject({ tenantId: PLATFORM_TENANT_ID, userId: who.owner.userId });
    await notifier.publishInbox(notifier.addInboxEntry(who.tenant.id, who.owner.userId!, { title: 'Tenant scope' }));
    const alert = notifier.addInboxEntry(PLATFORM_TENANT_ID, who.owner.userId!, { kind: 'insight_alert', title: 'Portfolio alert' });
    await notifier.publishInbox(alert);
    const events = await stream.until(delivered(alert.id));
    expect(dataValues(events)[0]).toEqual({ type: 'unread', count: 0 });
    expect(notificationsOf(events).map((f) => (f.notification as { title: string }).title)).toEqual(['Portfolio alert']);
  });

  it('keeps what arrives while the unread count is fetched, and sends it after the count', async () => {
    notifier.slowInboxFor.set(who.admin.userId!, 400);
    try {
      const asked = notifier.count(NotifierInboxListRpc.subject);
      const opening = openStream(who.admin);
      await waitFor(() => notifier.count(NotifierInboxListRpc.subject) > asked);
      const early = notifier.addInboxEntry(who.tenant.id, who.admin.userId!, { title: 'Early' });
      await notifier.publishInbox(early);
      const stream = await opening;
      expect(stream.status).toBe(200);
      const events = await stream.until(delivered(early.id));
      expect(dataValues(events).map((f) => f.type)).toEqual(['unread', 'notification']);
    } finally {
      notifier.slowInboxFor.delete(who.admin.userId!);
    }
  });

  it.each([
    ['an API key', () => who.apiKey, 403],
    ['a session token', () => who.session, 403],
    ['no credentials', () => who.none, 401],
  ])('refuses %s with problem+json and asks the notifier nothing', async (_who, caller, status) => {
    const before = notifier.requests.length;
    const res = await call(api.url, 'GET', '/api/v1/notifications/stream', caller());
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(notifier.requests.length).toBe(before);
  });

  it('unsubscribes when the client goes away', async () => {
    const stream = await openStream(who.colleague);
    await stream.until((events) => events.some((e) => e.kind === 'comment'));
    expect(openStreams()).toBe(1);
    stream.close();
    await waitFor(() => openStreams() === 0);
  });

  it('answers problem+json, not an empty stream, when the notifier does not answer', async () => {
    const lonely = await startNotificationsApi(testGatewayConfig(tenantApiNamespace('inbox0'), { RPC_TIMEOUT_MS: '1000' }), {
      heartbeatMs: HEARTBEAT_MS,
    });
    try {
      const res = await call(lonely.url, 'GET', '/api/v1/notifications/stream', who.owner);
      expect([503, 504]).toContain(res.status);
      expect(res.type).toContain('application/problem+json');
      expect(openStreams(lonely)).toBe(0);
    } finally {
      await lonely.close();
    }
  });

  it('ends open streams when the gateway shuts down', async () => {
    const second = await startNotificationsApi(testGatewayConfig(namespace), { heartbeatMs: HEARTBEAT_MS });
    const stream = await openStream(who.agent, second.url);
    expect(stream.status).toBe(200);
    const started = Date.now();
    await second.close();
    const events = await stream.ended(5000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(dataValues(events)[0]).toMatchObject({ type: 'unread' });
  });
});
