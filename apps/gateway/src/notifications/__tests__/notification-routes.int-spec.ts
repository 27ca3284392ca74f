import { randomUUID } from 'node:crypto';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  NotifierChannelCreateRpc,
  NotifierChannelRotateSecretRpc,
  NotifierChannelUpdateRpc,
  NotifierDeliveryListRpc,
  NotifierDeliveryRedriveRpc,
  NotifierInboxListRpc,
  NotifierInboxMarkReadRpc,
  NotifierRulePutRpc,
  PLATFORM_TENANT_ID,
} from '@parley/contracts';
import { testEnvironment } from '@parley/testing';
import { tenantApiNamespace } from '../../chat/__tests__/support/tenant-api-test-app';
import { startGateway, testGatewayConfig, type RunningGateway } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder } from '../../http/__tests__/support/provisioning-responder';
import { call as send, makeCallers, type Caller, type Callers } from './support/callers';
import { NotifierResponder } from './support/notifier-responder';

// The notification routes in the real gateway (AppModule, auth guard, validation pipe,
// problem filter) over NATS, against a test-owned notifier responder: the scope always comes
// from the credential, bad input is a 400 listing the fields before anything is asked, and
// another tenant's ids are the notifier's NOT_FOUND, a 404.
jest.setTimeout(60_000);

let gateway: RunningGateway;
let provisioning: ProvisioningResponder;
let notifier: NotifierResponder;
let who: Callers;

const call = (method: string, path: string, caller: Caller, body?: unknown) => send(gateway.url, method, path, caller, body);
const webhook = { kind: 'webhook', url: 'https://hooks.example/parley' };

beforeAll(async () => {
  const namespace = tenantApiNamespace('notif');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  notifier = await NotifierResponder.start(nats, namespace);
  gateway = await startGateway(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000' }));
  who = await makeCallers(gateway.app, provisioning);
});

afterAll(async () => {
  await gateway?.close();
  await notifier?.close();
  await provisioning?.close();
});

/** A 400 problem+json naming `field`, with nothing sent to the notifier. */
async function expectBadInput(run: () => Promise<{ status: number; type: string; body?: Record<string, unknown> }>, field: string) {
  const before = notifier.requests.length;
  const res = await run();
  expect(res.status).toBe(400);
  expect(res.type).toContain('application/problem+json');
  expect(res.body).toMatchObject({ code: 'VALIDATION', type: 'urn:parley:problem:validation' });
  expect((res.body!.errors as Array<{ path: string }>).map((e) => e.path)).toContain(field);
  expect(notifier.requests.length).toBe(before);
}

/** A refusal (401/403 problem+json) with nothing sent to the notifier. */
async function expectRefused(run: () => Promise<{ status: number; type: string }>, status: number) {
  const before = notifier.requests.length;
  const res = await run();
  expect(res.status).toBe(status);
  expect(res.type).toContain('application/problem+json');
  expect(notifier.requests.length).toBe(before);
}

describe('inbox: GET /api/v1/notifications and POST /api/v1/notifications/read', () => {
  it("lists only the caller's own entries in their tenant, snake_case, with the unread count", async () => {
    const mine = notifier.addInboxEntry(who.tenant.id, who.agent.userId!, { title: 'Mine' });
    notifier.addInboxEntry(who.tenant.id, who.colleague.userId!, { title: 'Colleague' });
    const res = await call('GET', '/api/v1/notifications', who.agent);
    expect(res.status).toBe(200);
    expect(notifier.last(NotifierInboxListRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      userId: who.agent.userId,
      unreadOnly: false,
      limit: 20,
      cursor: null,
    });
    expect(res.body).toEqual({
      items: [
        {
          id: mine.id,
          notification_id: mine.notificationId,
          kind: 'urgent_callback',
          severity: 'critical',
          title: 'Mine',
          body: mine.body,
          link: null,
          created_at: mine.createdAt,
          read_at: null,
        },
      ],
      next_cursor: null,
      unread_count: 1,
    });
  });

  it('pages with unread_only, limit and cursor', async () => {
    notifier.addInboxEntry(who.tenant.id, who.admin.userId!);
    notifier.addInboxEntry(who.tenant.id, who.admin.userId!);
    const first = await call('GET', '/api/v1/notifications?unread_only=true&limit=1', who.admin);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ next_cursor: '1', unread_count: 2 });
    expect(first.body!.items).toHaveLength(1);
    const second = await call('GET', `/api/v1/notifications?unread_only=true&limit=1&cursor=${first.body!.next_cursor}`, who.admin);
    expect(notifier.last(NotifierInboxListRpc.subject)).toMatchObject({ unreadOnly: true, limit: 1, cursor: '1' });
    expect(second.body!.items[0].id).not.toBe(first.body!.items[0].id);
  });

  it("serves the owner's inbox in the platform scope", async () => {
    notifier.addInboxEntry(PLATFORM_TENANT_ID, who.owner.userId!, { kind: 'insight_alert', severity: 'warning', title: 'Churn risk' });
    const res = await call('GET', '/api/v1/notifications', who.owner);
    expect(res.status).toBe(200);
    expect(notifier.last(NotifierInboxListRpc.subject)).toMatchObject({ tenantId: PLATFORM_TENANT_ID, userId: who.owner.userId });
    expect(res.body!.items.map((i: { title: string }) => i.title)).toEqual(['Churn risk']);
  });

  it('marks listed entries read, then all of them', async () => {
    const a = notifier.addInboxEntry(who.tenant.id, who.colleague.userId!);
    notifier.addInboxEntry(who.tenant.id, who.colleague.userId!);
    const one = await call('POST', '/api/v1/notifications/read', who.colleague, { ids: [a.id] });
    expect(one.status).toBe(200);
    expect(notifier.last(NotifierInboxMarkReadRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      userId: who.colleague.userId,
      ids: [a.id],
      all: false,
    });
    expect(one.body).toEqual({ marked: 1, unread_count: 2 });
    const all = await call('POST', '/api/v1/notifications/read', who.colleague, { all: true });
    expect(notifier.last(NotifierInboxMarkReadRpc.subject)).toMatchObject({ ids: [], all: true });
    expect(all.body).toEqual({ marked: 2, unread_count: 0 });
  });

  it.each([
    ['unread_only=maybe', 'unread_only'],
    ['limit=0', 'limit'],
    ['limit=500', 'limit'],
    [`user_id=${randomUUID()}`, '(body)'],
  ])('answers ?%s with 400 naming %s', async (query, field) => {
    await expectBadInput(() => call('GET', `/api/v1/notifications?${query}`, who.agent), field);
  });

  it.each([
    [{}, 'ids'],
    [{ ids: ['nope'] }, 'ids.0'],
    [{ ids: [randomUUID()], all: true }, 'ids'],
    [{ all: false }, 'all'],
  ])('answers mark-read %j with 400 naming %s', async (body, field) => {
    await expectBadInput(() => call('POST', '/api/v1/notifications/read', who.agent, body), field);
  });

  it.each([
    ['an API key', () => who.apiKey, 403],
    ['a session token', () => who.session, 403],
    ['no credentials', () => who.none, 401],
  ])('refuses %s (no user, no inbox)', async (_who, caller, status) => {
    await expectRefused(() => call('GET', '/api/v1/notifications', caller()), status);
    await expectRefused(() => call('POST', '/api/v1/notifications/read', caller(), { all: true }), status);
  });
});

describe('channels: /api/v1/notification-channels', () => {
  it('creates a webhook channel for a tenant admin, showing its signing secret once', async () => {
    const res = await call('POST', '/api/v1/notification-channels', who.admin, { name: 'On-call', settings: webhook });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body!.signing_secret).toMatch(/^whsec_/);
    expect(res.body!.channel).toMatchObject({
      name: 'On-call',
      kind: 'webhook',
      enabled: true,
      target: webhook.url,
      sender_name: null,
      previous_secret_expires_at: null,
    });
    expect(notifier.last(NotifierChannelCreateRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      actor: { type: 'tenant_user', id: who.admin.userId },
      name: 'On-call',
      enabled: true,
      settings: webhook,
    });
    const list = await call('GET', '/api/v1/notification-channels', who.admin);
    expect(list.body!.items).toEqual([res.body!.channel]);
  });

  it('creates an email channel with the API key (actor api_key), sender_name mapped, no secret', async () => {
    const res = await call('POST', '/api/v1/notification-channels', who.apiKey, {
      name: 'Office mail',
      enabled: false,
      settings: { kind: 'email', to: ['office@plumber.example'], sender_name: "Bob's Plumbing" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ signing_secret: null, channel: { kind: 'email', enabled: false, sender_name: "Bob's Plumbing" } });
    expect(notifier.last(NotifierChannelCreateRpc.subject)).toMatchObject({
      tenantId: who.tenant.id,
      actor: { type: 'api_key', id: who.apiKey.key.id },
      settings: { kind: 'email', to: ['office@plumber.example'], senderName: "Bob's Plumbing" },
    });
  });

  it("keeps the owner's channels in the platform scope", async () => {
    const res = await call('POST', '/api/v1/notification-channels', who.owner, {
      name: 'Owner Slack',
      settings: { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/xyz' },
    });
    expect(res.status).toBe(201);
    expect(notifier.last(NotifierChannelCreateRpc.subject)).toMatchObject({
      tenantId: PLATFORM_TENANT_ID,
      actor: { type: 'owner', id: who.owner.userId },
    });
    const list = await call('GET', '/api/v1/notification-channels', who.owner);
    expect(list.body!.items.map((c: { name: string }) => c.name)).toEqual(['Owner Slack']);
  });

  it('updates, rotates the secret of, tests and deletes a channel', async () => {
    const created = await call('POST', '/api/v1/notification-channels', who.admin, { name: 'Ops', settings: webhook });
    const id = created.body!.channel.id as string;

    const patched = await call('PATCH', `/api/v1/notification-channels/${id}`, who.admin, {
      enabled: false,
      settings: { kind: 'webhook', url: 'https://hooks.example/v2' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body!.channel).toMatchObject({ id, enabled: false, target: 'https://hooks.example/v2' });
    expect(notifier.last(NotifierChannelUpdateRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      actor: { type: 'tenant_user', id: who.admin.userId },
      channelId: id,
      enabled: false,
      settings: { kind: 'webhook', url: 'https://hooks.example/v2' },
    });

    const rotated = await call('POST', `/api/v1/notification-channels/${id}/rotate-secret`, who.admin);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body!.signing_secret).toMatch(/^whsec_/);
    expect(rotated.body!.signing_secret).not.toBe(created.body!.signing_secret);
    expect(rotated.body!.channel.previous_secret_expires_at).toEqual(expect.any(String));
    expect(notifier.last(NotifierChannelRotateSecretRpc.subject)).toMatchObject({ channelId: id, graceSeconds: 86_400 });
    await call('POST', `/api/v1/notification-channels/${id}/rotate-secret`, who.admin, { grace_seconds: 60 });
    expect(notifier.last(NotifierChannelRotateSecretRpc.subject)).toMatchObject({ graceSeconds: 60 });

    const tested = await call('POST', `/api/v1/notification-channels/${id}/test`, who.admin);
    expect(tested.status).toBe(200);
    expect(tested.body!.delivery).toMatchObject({
      channel_id: id,
      channel_kind: 'webhook',
      status: 'delivered',
      last_status_code: 200,
      attempts: 1,
    });

    const deleted = await call('DELETE', `/api/v1/notification-channels/${id}`, who.admin);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ channel_id: id });
    expect((await call('DELETE', `/api/v1/notification-channels/${id}`, who.admin)).status).toBe(404);
  });

  it("answers 404 for another tenant's channel, asking the notifier in the caller's own scope", async () => {
    const created = await call('POST', '/api/v1/notification-channels', who.admin, { name: 'Mine', settings: webhook });
    const id = created.body!.channel.id as string;
    for (const [method, path, body] of [
      ['PATCH', `/api/v1/notification-channels/${id}`, { enabled: false }],
      ['DELETE', `/api/v1/notification-channels/${id}`, undefined],
      ['POST', `/api/v1/notification-channels/${id}/rotate-secret`, undefined],
      ['POST', `/api/v1/notification-channels/${id}/test`, undefined],
    ] as const) {
      const res = await call(method, path, who.otherAdmin, body);
      expect(res.status).toBe(404);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
      expect(notifier.requests.at(-1)!.request).toMatchObject({ tenantId: who.other.id, channelId: id });
    }
    expect((await call('GET', '/api/v1/notification-channels', who.otherApiKey)).body!.items).toEqual([]);
  });

  it("answers the notifier's VALIDATION (a change of kind) with 400 naming the field", async () => {
    const created = await call('POST', '/api/v1/notification-channels', who.admin, { name: 'Hook', settings: webhook });
    const res = await call('PATCH', `/api/v1/notification-channels/${created.body!.channel.id}`, who.admin, {
      settings: { kind: 'discord', url: 'https://discord.com/api/webhooks/1/x' },
    });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body!.errors).toEqual([{ path: 'settings.kind', message: 'must be webhook' }]);
  });

  it.each([
    [{ settings: webhook }, 'name'],
    [{ name: 'x', settings: { kind: 'sms', url: 'https://x.example' } }, 'settings.kind'],
    [{ name: 'x', settings: { kind: 'webhook', url: 'ftp://x.example/hook' } }, 'settings.url'],
    [{ name: 'x', settings: { kind: 'email', to: [] } }, 'settings.to'],
    [{ name: 'x', settings: { kind: 'email', to: ['not-mail'] } }, 'settings.to.0'],
    [{ name: 'x', settings: webhook, tenant_id: randomUUID() }, '(body)'],
  ])('answers create %j with 400 naming %s', async (body, field) => {
    await expectBadInput(() => call('POST', '/api/v1/notification-channels', who.admin, body), field);
  });

  it('answers bad ids, empty patches and bad grace periods with 400', async () => {
    await expectBadInput(() => call('PATCH', '/api/v1/notification-channels/42', who.admin, { enabled: true }), '(body)');
    await expectBadInput(() => call('PATCH', `/api/v1/notification-channels/${randomUUID()}`, who.admin, {}), '(body)');
    await expectBadInput(
      () => call('POST', `/api/v1/notification-channels/${randomUUID()}/rotate-secret`, who.admin, { grace_seconds: -1 }),
      'grace_seconds',
    );
  });

  it.each([
    ['a tenant agent', () => who.agent, 403],
    ['a session token', () => who.session, 403],
    ['no credentials', () => who.none, 401],
  ])('refuses %s', async (_who, caller, status) => {
    await expectRefused(() => call('GET', '/api/v1/notification-channels', caller()), status);
    await expectRefused(() => call('POST', '/api/v1/notification-channels', caller(), { name: 'x', settings: webhook }), status);
  });
});

describe('rules: /api/v1/notification-rules', () => {
  it('creates a minimal rule with the defaults filled in, lists, replaces and deletes it', async () => {
    const before = await call('GET', '/api/v1/notification-rules', who.apiKey);
    expect(before.body).toEqual({ items: [], defaults: true });
    const channel = await call('POST', '/api/v1/notification-channels', who.apiKey, { name: 'Rule target', settings: webhook });
    const channelId = channel.body!.channel.id as string;

    const created = await call('POST', '/api/v1/notification-rules', who.apiKey, {
      name: 'Urgent',
      kinds: ['urgent_callback'],
      channel_ids: [channelId],
    });
    expect(created.status).toBe(201);
    expect(notifier.last(NotifierRulePutRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      actor: { type: 'api_key', id: who.apiKey.key.id },
      ruleId: null,
      rule: {
        name: 'Urgent',
        enabled: true,
        kinds: ['urgent_callback'],
        minSeverity: 'info',
        channelIds: [channelId],
        inboxUserIds: [],
        inboxRoles: [],
        quietHours: null,
        digest: false,
        digestHour: 8,
      },
    });
    const id = created.body!.rule.id as string;
    expect(created.body!.rule).toMatchObject({
      id,
      min_severity: 'info',
      channel_ids: [channelId],
      inbox_user_ids: [],
      quiet_hours: null,
      digest_hour: 8,
    });

    const listed = await call('GET', '/api/v1/notification-rules', who.admin);
    expect(listed.body).toEqual({ items: [created.body!.rule], defaults: false });

    const replaced = await call('PUT', `/api/v1/notification-rules/${id}`, who.admin, {
      name: 'Urgent, quietly',
      min_severity: 'critical',
      inbox_roles: ['tenant_admin'],
      quiet_hours: { start: '22:00', end: '07:00' },
      digest: true,
      digest_hour: 9,
    });
    expect(replaced.status).toBe(200);
    expect(notifier.last(NotifierRulePutRpc.subject)).toMatchObject({
      ruleId: id,
      rule: {
        minSeverity: 'critical',
        channelIds: [],
        inboxRoles: ['tenant_admin'],
        quietHours: { start: '22:00', end: '07:00' },
        digest: true,
        digestHour: 9,
      },
    });
    expect(replaced.body!.rule).toMatchObject({ id, name: 'Urgent, quietly', quiet_hours: { start: '22:00', end: '07:00' } });

    const deleted = await call('DELETE', `/api/v1/notification-rules/${id}`, who.admin);
    expect(deleted.body).toEqual({ rule_id: id });
    expect((await call('PUT', `/api/v1/notification-rules/${id}`, who.admin, { name: 'gone' })).status).toBe(404);
  });

  it("keeps the owner's rules in the platform scope, inbox role owner allowed", async () => {
    const res = await call('POST', '/api/v1/notification-rules', who.owner, {
      name: 'Alerts to me',
      kinds: ['insight_alert'],
      inbox_roles: ['owner'],
    });
    expect(res.status).toBe(201);
    expect(notifier.last(NotifierRulePutRpc.subject)).toMatchObject({
      tenantId: PLATFORM_TENANT_ID,
      actor: { type: 'owner', id: who.owner.userId },
    });
  });

  it("answers 404 for another tenant's rule and 400 (snake_case field) for another tenant's channel", async () => {
    const created = await call('POST', '/api/v1/notification-rules', who.admin, { name: 'Mine' });
    const id = created.body!.rule.id as string;
    expect((await call('PUT', `/api/v1/notification-rules/${id}`, who.otherAdmin, { name: 'Theirs' })).status).toBe(404);
    expect((await call('DELETE', `/api/v1/notification-rules/${id}`, who.otherApiKey)).status).toBe(404);
    const channel = await call('POST', '/api/v1/notification-channels', who.admin, { name: 'A only', settings: webhook });
    const res = await call('POST', '/api/v1/notification-rules', who.otherAdmin, {
      name: 'Steal',
      channel_ids: [channel.body!.channel.id],
    });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body!.errors).toEqual([{ path: 'channel_ids.0', message: 'no such channel' }]);
  });

  it.each([
    [{}, 'name'],
    [{ name: 'x', kinds: ['weather'] }, 'kinds.0'],
    [{ name: 'x', min_severity: 'loud' }, 'min_severity'],
    [{ name: 'x', inbox_user_ids: ['bob'] }, 'inbox_user_ids.0'],
    [{ name: 'x', quiet_hours: { start: '7pm', end: '07:00' } }, 'quiet_hours.start'],
    [{ name: 'x', digest_hour: 24 }, 'digest_hour'],
    [{ name: 'x', minSeverity: 'info' }, '(body)'],
  ])('answers %j with 400 naming %s', async (body, field) => {
    await expectBadInput(() => call('POST', '/api/v1/notification-rules', who.admin, body), field);
  });

  it('refuses a tenant agent and a session token with 403', async () => {
    await expectRefused(() => call('GET', '/api/v1/notification-rules', who.agent), 403);
    await expectRefused(() => call('POST', '/api/v1/notification-rules', who.session, { name: 'x' }), 403);
  });
});

describe('delivery log: /api/v1/notification-deliveries', () => {
  it('lists deliveries with filters, snake_case, by pages', async () => {
    const channelId = randomUUID();
    const dead = notifier.addDelivery(who.tenant.id, { channelId, status: 'dead' });
    notifier.addDelivery(who.tenant.id, { channelId, status: 'delivered', lastError: null, lastStatusCode: 200 });
    const res = await call('GET', `/api/v1/notification-deliveries?status=dead&channel_id=${channelId}&limit=5`, who.admin);
    expect(res.status).toBe(200);
    expect(notifier.last(NotifierDeliveryListRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      status: 'dead',
      channelId,
      limit: 5,
      cursor: null,
    });
    expect(res.body).toEqual({
      items: [
        {
          id: dead.id,
          notification_id: dead.notificationId,
          kind: 'safety',
          title: 'Safety flag',
          channel_id: channelId,
          channel_kind: 'webhook',
          recipient_user_id: null,
          status: 'dead',
          attempts: 8,
          last_error: 'HTTP 500',
          last_status_code: 500,
          latency_ms: 30,
          next_attempt_at: null,
          delivered_at: null,
          created_at: dead.createdAt,
        },
      ],
      next_cursor: null,
    });
  });

  it('redrives listed deliveries, or every dead one of a channel', async () => {
    const a = notifier.addDelivery(who.tenant.id);
    const res = await call('POST', '/api/v1/notification-deliveries/redrive', who.apiKey, { delivery_ids: [a.id] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ redriven: 1 });
    expect(notifier.last(NotifierDeliveryRedriveRpc.subject)).toEqual({
      version: 1,
      tenantId: who.tenant.id,
      actor: { type: 'api_key', id: who.apiKey.key.id },
      deliveryIds: [a.id],
      channelId: null,
    });

    const channel = await call('POST', '/api/v1/notification-channels', who.admin, { name: 'Flaky', settings: webhook });
    const channelId = channel.body!.channel.id as string;
    notifier.addDelivery(who.tenant.id, { channelId });
    notifier.addDelivery(who.tenant.id, { channelId });
    const byChannel = await call('POST', '/api/v1/notification-deliveries/redrive', who.admin, { channel_id: channelId });
    expect(byChannel.body).toEqual({ redriven: 2 });
    expect(notifier.last(NotifierDeliveryRedriveRpc.subject)).toMatchObject({ deliveryIds: [], channelId });
  });

  it("answers 404 for another tenant's deliveries and channel", async () => {
    const theirs = notifier.addDelivery(who.tenant.id);
    expect((await call('POST', '/api/v1/notification-deliveries/redrive', who.otherAdmin, { delivery_ids: [theirs.id] })).status).toBe(404);
    expect(notifier.last(NotifierDeliveryRedriveRpc.subject)).toMatchObject({ tenantId: who.other.id });
    expect((await call('POST', '/api/v1/notification-deliveries/redrive', who.otherAdmin, { channel_id: randomUUID() })).status).toBe(404);
  });

  it("lists the owner's platform deliveries", async () => {
    await call('GET', '/api/v1/notification-deliveries', who.owner);
    expect(notifier.last(NotifierDeliveryListRpc.subject)).toMatchObject({ tenantId: PLATFORM_TENANT_ID, limit: 20, cursor: null });
  });

  it.each([
    ['GET', '/api/v1/notification-deliveries?status=lost', undefined, 'status'],
    ['GET', '/api/v1/notification-deliveries?channel_id=7', undefined, 'channel_id'],
    ['POST', '/api/v1/notification-deliveries/redrive', {}, 'delivery_ids'],
    ['POST', '/api/v1/notification-deliveries/redrive', { delivery_ids: [randomUUID()], channel_id: randomUUID() }, 'delivery_ids'],
    ['POST', '/api/v1/notification-deliveries/redrive', { delivery_ids: ['x'] }, 'delivery_ids.0'],
  ])('answers %s %s %j with 400 naming %s', async (method, path, body, field) => {
    await expectBadInput(() => call(method, path, who.admin, body), field);
  });

  it('refuses a tenant agent (403) and no credentials (401)', async () => {
    await expectRefused(() => call('GET', '/api/v1/notification-deliveries', who.agent), 403);
    await expectRefused(() => call('POST', '/api/v1/notification-deliveries/redrive', who.none, { channel_id: randomUUID() }), 401);
  });
});

describe('OpenAPI document', () => {
  it('describes every notification route with a summary, its body and its answers', () => {
    const doc = SwaggerModule.createDocument(gateway.app, new DocumentBuilder().setTitle('Parley').build());
    const routes: Array<[string, 'get' | 'post' | 'patch' | 'put' | 'delete']> = [
      ['/api/v1/notifications', 'get'],
      ['/api/v1/notifications/read', 'post'],
      ['/api/v1/notifications/stream', 'get'],
      ['/api/v1/notification-channels', 'get'],
      ['/api/v1/notification-channels', 'post'],
      ['/api/v1/notification-channels/{id}', 'patch'],
      ['/api/v1/notification-channels/{id}', 'delete'],
      ['/api/v1/notification-channels/{id}/rotate-secret', 'post'],
      ['/api/v1/notification-channels/{id}/test', 'post'],
      ['/api/v1/notification-rules', 'get'],
      ['/api/v1/notification-rules', 'post'],
      ['/api/v1/notification-rules/{id}', 'put'],
      ['/api/v1/notification-rules/{id}', 'delete'],
      ['/api/v1/notification-deliveries', 'get'],
      ['/api/v1/notification-deliveries/redrive', 'post'],
    ];
    for (const [path, method] of routes) {
      const op = doc.paths[path]?.[method];
      expect({ route: `${method} ${path}`, summary: op?.summary }).toEqual({ route: `${method} ${path}`, summary: expect.any(String) });
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    const schemas = doc.components?.schemas ?? {};
    for (const name of [
      'InboxPage',
      'MarkNotificationsReadRequest',
      'CreateNotificationChannelRequest',
      'NotificationChannelWithSecret',
      'NotificationRuleRequest',
      'NotificationDeliveryPage',
      'RedriveNotificationDeliveriesRequest',
    ]) {
      expect({ name, schema: schemas[name] }).toEqual({ name, schema: expect.any(Object) });
    }
    expect(JSON.stringify(doc.paths['/api/v1/notification-channels'].post!.requestBody)).toContain('CreateNotificationChannelRequest');
    const inboxParams = (doc.paths['/api/v1/notifications'].get!.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
    expect(inboxParams).toEqual(expect.arrayContaining(['unread_only', 'limit', 'cursor']));
    expect(JSON.stringify(doc.paths['/api/v1/notifications/stream'].get)).toContain('text/event-stream');
  });
});
