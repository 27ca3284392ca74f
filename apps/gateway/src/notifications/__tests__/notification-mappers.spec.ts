import {
  channelSettingsSchema,
  channelViewSchema,
  deliveryViewSchema,
  inboxItemSchema,
  inboxNotificationSchema,
  ruleInputSchema,
  ruleViewSchema,
  type ChannelView,
  type DeliveryView,
  type InboxItem,
  type InboxNotification,
  type RuleView,
} from '@parley/contracts';
import { toChannelHttp, toChannelSettings } from '../dto/channel.mapper';
import { channelHttpSchema, channelSettingsBodySchema } from '../dto/channels.schemas';
import { deliveryHttpSchema } from '../dto/deliveries.schemas';
import { toDeliveryHttp } from '../dto/delivery.mapper';
import { liveInboxItemHttp, toInboxItemHttp } from '../dto/inbox.mapper';
import { inboxItemHttpSchema } from '../dto/inbox.schemas';
import { toRuleHttp, toRuleInput } from '../dto/rule.mapper';
import { ruleBodySchema, ruleHttpSchema } from '../dto/rules.schemas';

// The HTTP API is snake_case; the notifier's contracts are camelCase. Every mapper must carry
// every field across (a field added to a contract view and forgotten here fails these tests).

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const snakeKeys = (value: object) => Object.keys(value).map(snake).sort();
const id = (n: number) => `7a0e5d2c-1b3f-4c8a-9d6e-${String(n).padStart(12, '0')}`;
const at = '2026-07-08T09:30:00.000Z';

const inboxItem: InboxItem = {
  id: id(1),
  notificationId: id(2),
  kind: 'urgent_callback',
  severity: 'critical',
  title: 'Call back Ana',
  body: 'Flooding kitchen',
  link: '/console/sessions/x',
  createdAt: at,
  readAt: null,
};
const channel: ChannelView = {
  id: id(3),
  name: 'Ops',
  kind: 'webhook',
  enabled: true,
  target: 'https://hooks.example/parley',
  senderName: null,
  previousSecretExpiresAt: at,
  createdAt: at,
  updatedAt: at,
};
const delivery: DeliveryView = {
  id: id(4),
  notificationId: id(2),
  kind: 'safety',
  title: 'Safety flag',
  channelId: id(3),
  channelKind: 'webhook',
  recipientUserId: null,
  status: 'dead',
  attempts: 8,
  lastError: 'HTTP 500',
  lastStatusCode: 500,
  latencyMs: 120,
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: at,
};
const rule: RuleView = {
  id: id(5),
  name: 'Urgent to on-call',
  enabled: true,
  kinds: ['urgent_callback', 'safety'],
  minSeverity: 'warning',
  channelIds: [id(3)],
  inboxUserIds: [id(6)],
  inboxRoles: ['tenant_admin'],
  quietHours: { start: '22:00', end: '07:00', timezone: 'Europe/London' },
  digest: false,
  digestHour: 8,
  createdAt: at,
  updatedAt: at,
};

describe('inbox mappers', () => {
  it('maps every field of an inbox entry to snake_case', () => {
    expect(inboxItemSchema.parse(inboxItem)).toEqual(inboxItem);
    const http = toInboxItemHttp(inboxItem);
    expect(inboxItemHttpSchema.parse(http)).toEqual(http);
    expect(Object.keys(http).sort()).toEqual(snakeKeys(inboxItem));
    expect(http).toMatchObject({ notification_id: id(2), created_at: at, read_at: null });
  });

  it('shows a live frame exactly like a listed unread entry, without the routing fields', () => {
    const frame: InboxNotification = inboxNotificationSchema.parse({
      ...inboxItem,
      readAt: undefined,
      version: 1,
      tenantId: id(7),
      recipientUserId: id(6),
    });
    const http = liveInboxItemHttp(frame);
    expect(http).toEqual(toInboxItemHttp(inboxItem));
    expect(http).not.toHaveProperty('recipient_user_id');
    expect(http).not.toHaveProperty('tenant_id');
  });
});

describe('channel mappers', () => {
  it('maps every field of a channel view to snake_case', () => {
    expect(channelViewSchema.parse(channel)).toEqual(channel);
    const http = toChannelHttp(channel);
    expect(channelHttpSchema.parse(http)).toEqual(http);
    expect(Object.keys(http).sort()).toEqual(snakeKeys(channel));
  });

  it.each([
    [
      { kind: 'webhook', url: 'https://hooks.example/parley' },
      { kind: 'webhook', url: 'https://hooks.example/parley' },
    ],
    [
      { kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' },
      { kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' },
    ],
    [
      { kind: 'discord', url: 'https://discord.com/api/webhooks/1/x' },
      { kind: 'discord', url: 'https://discord.com/api/webhooks/1/x' },
    ],
    [
      { kind: 'email', to: ['bob@plumber.example'], sender_name: "Bob's Plumbing" },
      { kind: 'email', to: ['bob@plumber.example'], senderName: "Bob's Plumbing" },
    ],
    [
      { kind: 'email', to: ['bob@plumber.example'] },
      { kind: 'email', to: ['bob@plumber.example'] },
    ],
  ])('turns settings %j into the contract settings the notifier accepts', (body, settings) => {
    const mapped = toChannelSettings(channelSettingsBodySchema.parse(body));
    expect(mapped).toEqual(settings);
    expect(channelSettingsSchema.parse(mapped)).toEqual(settings);
  });

  it('offers every channel kind of the contract', () => {
    const contractKinds = channelSettingsSchema.options.map((o) => o.shape.kind.value).sort();
    const httpKinds = channelSettingsBodySchema.options.map((o) => o.shape.kind.value).sort();
    expect(httpKinds).toEqual(contractKinds);
  });
});

describe('delivery mapper', () => {
  it('maps every field of a delivery view to snake_case', () => {
    expect(deliveryViewSchema.parse(delivery)).toEqual(delivery);
    const http = toDeliveryHttp(delivery);
    expect(deliveryHttpSchema.parse(http)).toEqual(http);
    expect(Object.keys(http).sort()).toEqual(snakeKeys(delivery));
  });
});

describe('rule mappers', () => {
  it('maps every field of a rule view to snake_case', () => {
    expect(ruleViewSchema.parse(rule)).toEqual(rule);
    const http = toRuleHttp(rule);
    expect(ruleHttpSchema.parse(http)).toEqual(http);
    expect(Object.keys(http).sort()).toEqual(snakeKeys(rule));
  });

  it('round-trips a rule: view -> HTTP -> body -> contract input', () => {
    const { id: _id, created_at: _created, updated_at: _updated, ...body } = toRuleHttp(rule);
    const input = toRuleInput(ruleBodySchema.parse(body));
    const { id: _rid, createdAt: _c, updatedAt: _u, ...expected } = rule;
    expect(input).toEqual(expected);
    expect(ruleInputSchema.parse(input)).toEqual(expected);
  });
});
