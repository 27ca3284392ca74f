import { buildPlatform, eventually, http, startPlatform, type Platform } from './platform';
import { HttpReceiver } from './notification-receivers';

// Issue 19 point 4, L5 alerts in the owner's Slack and Discord, on the real services (offline
// responder): the owner adds a Slack and a Discord channel in the owner's own scope (the
// notification-channels API with the owner's token), a tenant's visitors ask the same question
// nobody answers, client-insights raises the L5 alert (audience owner), and the notifier
// delivers it to both receivers in Slack's and Discord's incoming-webhook shapes, linking to the
// tenant. The owner's channels are deleted afterwards: the run's database is shared, and the
// owner scope is the same for every test.
jest.setTimeout(360_000);

const namespace = `${process.env.TEST_RUN_ID}oal`;
const tag = namespace
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')
  .slice(-10);
const SLACK_PATH = `/services/TOWNER/B0ALERTS/${tag}`;
const DISCORD_PATH = `/api/webhooks/77/${tag}`;

let platform: Platform;
const receiver = new HttpReceiver();
let ownerAuth: Record<string, string>;
const channelIds: string[] = [];
const ruleIds: string[] = [];
let tenantId = '';
let apiKey = '';

const api = (path: string) => `${platform.gatewayUrl}${path}`;

async function converse(message: string): Promise<void> {
  const session = await http(api('/api/v1/sessions'), { headers: { 'x-api-key': apiKey }, body: {} });
  expect(session.status).toBe(201);
  const turn = await http(api('/api/v1/chat'), { headers: { authorization: `Bearer ${session.body.token}` }, body: { message } });
  expect(turn.status).toBe(200);
  const close = await http(api(`/api/v1/sessions/${session.body.session.id}/close`), { headers: { 'x-api-key': apiKey }, body: {} });
  expect(close.status).toBe(200);
}

beforeAll(async () => {
  buildPlatform();
  await receiver.start();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'tenant-intelligence', 'client-insights', 'notifier', 'gateway'], {
    gateway: { RPC_TIMEOUT_MS: '20000' },
    'client-insights': {
      INSIGHTS_OWNER_INTERVAL_MS: '5000',
      INSIGHTS_ALERT_RULES: '{"minSessions":1,"unansweredRepeats":2}',
      INSIGHTS_PORTFOLIO_RULES: '{"minSessions":1}',
    },
  });
  const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
  ownerAuth = { authorization: `Bearer ${login.body.token}` };
}, 290_000);

afterAll(async () => {
  for (const id of ruleIds) await http(api(`/api/v1/notification-rules/${id}`), { method: 'DELETE', headers: ownerAuth });
  for (const id of channelIds) await http(api(`/api/v1/notification-channels/${id}`), { method: 'DELETE', headers: ownerAuth });
  await platform?.stop();
  await receiver.stop();
});

describe("L5 alerts in the owner's Slack and Discord", () => {
  it('are delivered through the notifier to the channels the owner added in the owner scope', async () => {
    for (const [name, settings] of [
      [`owner slack ${tag}`, { kind: 'slack', url: receiver.url(SLACK_PATH) }],
      [`owner discord ${tag}`, { kind: 'discord', url: receiver.url(DISCORD_PATH) }],
    ] as const) {
      const res = await http(api('/api/v1/notification-channels'), { headers: ownerAuth, body: { name, settings } });
      expect(res.status).toBe(201);
      channelIds.push(res.body.channel.id as string);
    }
    // A rule of its own for these channels: the owner scope is shared by the run, and once any
    // test saved an owner rule the scope's default (every channel) no longer applies (CI failed so).
    const rule = await http(api('/api/v1/notification-rules'), {
      headers: ownerAuth,
      body: { name: `owner alerts ${tag}`, kinds: ['insight_alert'], channel_ids: channelIds },
    });
    expect(rule.status).toBe(201);
    ruleIds.push(rule.body.rule.id as string);
    const created = await http(api('/api/v1/admin/tenants'), {
      headers: ownerAuth,
      body: { displayName: `Solar Curious ${tag}`, slug: `oal-${tag}`, kind: 'plumber', timezone: 'Europe/London', domain: null },
    });
    expect(created.status).toBe(201);
    tenantId = created.body.tenant.id as string;
    apiKey = created.body.apiKey.key as string;
    await converse('Do you fit solar panels?');
    await converse('Do you fit solar panels?');

    const link = `/admin/tenants/${tenantId}`;
    const mine = (path: string) => receiver.to(path).filter((r) => JSON.stringify(r.json).includes(link));
    // The alert needs both conversations through extraction and an L5 pass over every tenant of
    // the run's shared database (hundreds by the time this runs in CI).
    const counts = await eventually(
      async () => [mine(SLACK_PATH).length, mine(DISCORD_PATH).length],
      (n) => n.every((c) => c > 0),
      240_000,
    );
    expect({ slack: counts[0]! > 0, discord: counts[1]! > 0 }).toEqual({ slack: true, discord: true });
    const alerts = (await http(api('/api/v1/admin/insights?period=week'), { headers: ownerAuth })).body.alerts as Array<{
      tenantId: string;
      title: string;
    }>;
    const alert = alerts.find((a) => a.tenantId === tenantId);
    expect(alert).toBeDefined();
    const [slack] = mine(SLACK_PATH);
    const header = (slack.json as { blocks: Array<{ type: string; text?: { text: string } }> }).blocks.find((b) => b.type === 'header');
    expect(header?.text?.text).toContain(alert!.title);
    const [discord] = mine(DISCORD_PATH);
    const embed = (discord.json as { embeds: Array<{ title: string; url: string }> }).embeds[0];
    expect(embed.url).toContain(link);
    expect(embed.title).toContain(alert!.title);

    const log = await http(api(`/api/v1/notification-deliveries?limit=100`), { headers: ownerAuth });
    expect(log.status).toBe(200);
    const delivered = (log.body.items as Array<{ channel_id: string | null; status: string }>).filter(
      (d) => d.channel_id !== null && channelIds.includes(d.channel_id) && d.status === 'delivered',
    );
    expect(delivered.length).toBeGreaterThanOrEqual(2);
  });
});
