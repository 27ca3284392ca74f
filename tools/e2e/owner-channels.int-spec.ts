import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildPlatform, eventually, http, startPlatform, type Platform } from './platform';

// Issue 19 point 4 (ADR 0027) through the real gateway and provisioning from their dist, no
// model: the owner sets up a Slack app and a Discord application (the signing secret sealed at
// rest, never returned); a Slack slash command signed like Slack signs it is acknowledged at
// once and the assistant's answer arrives at a local receiver speaking Slack's response_url
// shape; a Discord PING is answered with PONG and a command is deferred, its answer PATCHed to
// a local receiver at /webhooks/{application_id}/{token}/messages/@original. The five seed
// phrasings, typed as Slack commands, perform their operation after "yes"; "How are my clients
// doing?" carries the portfolio's numbers; Discord pauses a client after "yes". A tampered body, a wrong secret or key, a stale
// timestamp, a replay, an unknown endpoint id, another workspace, user or server: refused
// (401/403 problem+json) and nothing happens.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}och`;
const tag =
  namespace
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(-6) || 'och';
const SECRET = `slack-signing-secret-${tag}-0123456789`;
const TEAM = `T${tag.toUpperCase()}1`;
const USER = `U${tag.toUpperCase()}1`;
const APP_ID = '112233445566778899';
const DISCORD_USER = '998877665544332211';
const GUILD = '556677889900112233';

interface Received {
  method: string;
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shapes are asserted
  json: any;
}

let platform: Platform;
let receiver: Server;
let receiverUrl = '';
const received: Received[] = [];
let ownerAuth: Record<string, string>;
let channelsId = '';
let discordKey: KeyObject;
let publicKeyHex = '';
let nextResponse = 0;

const api = (path: string) => `${platform.gatewayUrl}${path}`;
const now = () => String(Math.floor(Date.now() / 1000));

function slackForm(text: string, overrides: Record<string, string> = {}): { body: string; responsePath: string } {
  const responsePath = `/slack/commands/${TEAM}/${++nextResponse}/token${nextResponse}`;
  const fields = {
    token: 'deprecated-verification-token',
    team_id: TEAM,
    team_domain: 'bob-ops',
    channel_id: 'C0OWNER',
    channel_name: 'ops',
    user_id: USER,
    user_name: 'owner',
    command: '/parley',
    text,
    api_app_id: 'A0PARLEY',
    response_url: `${receiverUrl}${responsePath}`,
    trigger_id: `trigger.${nextResponse}`,
    ...overrides,
  };
  return { body: new URLSearchParams(fields).toString(), responsePath };
}

const slackSignature = (secret: string, timestamp: string, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

async function postSlack(body: string, headers: Record<string, string>, id = channelsId) {
  const res = await fetch(api(`/api/v1/owner-channels/${id}/slack`), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: text ? JSON.parse(text) : undefined };
}

const signedSlack = (body: string, timestamp = now(), secret = SECRET) => ({
  'x-slack-request-timestamp': timestamp,
  'x-slack-signature': slackSignature(secret, timestamp, body),
});

/** Waits for the answer posted to `path` (the receiver's record of it). */
async function answerAt(path: string): Promise<Received> {
  const seen = await eventually(
    async () => received.find((r) => r.path === path),
    (r) => r !== undefined,
    30_000,
  );
  expect(seen).toBeDefined();
  return seen!;
}

/** A signed slash command, acknowledged at once; returns the text posted to its response_url. */
async function slackSays(text: string): Promise<string> {
  const { body, responsePath } = slackForm(text);
  const ack = await postSlack(body, signedSlack(body));
  expect(ack.status).toBe(200);
  expect(ack.json).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
  const answer = await answerAt(responsePath);
  expect(answer.method).toBe('POST');
  expect(answer.json).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  return answer.json.text as string;
}

function interaction(text: string, overrides: Record<string, unknown> = {}) {
  const token = `interaction-token-${tag}-${++nextResponse}`;
  return {
    token,
    body: JSON.stringify({
      type: 2,
      id: `10${nextResponse}`,
      application_id: APP_ID,
      token,
      guild_id: GUILD,
      channel_id: '445566778899001122',
      member: { user: { id: DISCORD_USER, username: 'owner' } },
      data: { id: '1', name: 'parley', type: 1, options: [{ name: 'message', type: 3, value: text }] },
      ...overrides,
    }),
  };
}

const signedDiscord = (body: string, timestamp = now(), key = discordKey) => ({
  'x-signature-timestamp': timestamp,
  'x-signature-ed25519': sign(null, Buffer.from(`${timestamp}${body}`), key).toString('hex'),
});

async function postDiscord(body: string, headers: Record<string, string>) {
  const res = await fetch(api(`/api/v1/owner-channels/${channelsId}/discord`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: text ? JSON.parse(text) : undefined };
}

/** A signed command, deferred; returns the content PATCHed to the original response. */
async function discordSays(text: string): Promise<string> {
  const { token, body } = interaction(text);
  const ack = await postDiscord(body, signedDiscord(body));
  expect(ack.status).toBe(200);
  expect(ack.json).toEqual({ type: 5, data: { flags: 64 } });
  const answer = await answerAt(`/discord/api/v10/webhooks/${APP_ID}/${token}/messages/@original`);
  expect(answer.method).toBe('PATCH');
  expect(answer.json.allowed_mentions).toEqual({ parse: [] });
  return answer.json.content as string;
}

function expectRefused(res: { status: number; type: string }, status: 401 | 403): void {
  expect(res.status).toBe(status);
  expect(res.type).toContain('application/problem+json');
}

const tenantsNamed = async (name: string) =>
  (
    (await http(api(`/api/v1/admin/tenants?search=${encodeURIComponent(tag)}&limit=100`), { headers: ownerAuth })).body.items as Array<{
      id: string;
      displayName: string;
      status: string;
    }>
  ).filter((t) => t.displayName === name);

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', path: req.url ?? '', json: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.method === 'PATCH' ? '{"id":"1"}' : 'ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const pair = generateKeyPairSync('ed25519');
  discordKey = pair.privateKey;
  publicKeyHex = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');

  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'client-insights', 'gateway'], {
    gateway: {
      OWNER_SLACK_RESPONSE_URL_PREFIX: `${receiverUrl}/slack/`,
      OWNER_DISCORD_API_BASE_URL: `${receiverUrl}/discord/api/v10`,
      RPC_TIMEOUT_MS: '20000',
    },
  });
  const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
  ownerAuth = { authorization: `Bearer ${login.body.token}` };
});

afterAll(async () => {
  await platform?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("the owner's chat channel settings", () => {
  it('needs the Slack signing secret the first time, and refuses malformed ids', async () => {
    const noSecret = await http(api('/api/v1/admin/chat-channels'), {
      method: 'PUT',
      headers: ownerAuth,
      body: { slack: { team_ids: [TEAM], user_ids: [USER] }, discord: null },
    });
    expect(noSecret.status).toBe(400);
    expect(noSecret.headers.get('content-type')).toContain('application/problem+json');
    const badKey = await http(api('/api/v1/admin/chat-channels'), {
      method: 'PUT',
      headers: ownerAuth,
      body: { slack: null, discord: { application_id: APP_ID, public_key: 'not-hex', guild_ids: [], user_ids: [DISCORD_USER] } },
    });
    expect(badKey.status).toBe(400);
  });

  it('keeps the signing secret sealed and never returns it', async () => {
    const put = await http(api('/api/v1/admin/chat-channels'), {
      method: 'PUT',
      headers: ownerAuth,
      body: {
        slack: { signing_secret: SECRET, team_ids: [TEAM], user_ids: [USER] },
        discord: { application_id: APP_ID, public_key: publicKeyHex, guild_ids: [GUILD], user_ids: [DISCORD_USER] },
      },
    });
    expect(put.status).toBe(200);
    expect(put.text).not.toContain(SECRET);
    expect(put.body).toMatchObject({ configured: true, slack: { team_ids: [TEAM], user_ids: [USER], signing_secret_set: true } });
    channelsId = /\/owner-channels\/([^/]+)\/slack$/.exec(put.body.slack.command_url as string)![1];
    expect(put.body.discord.interactions_url).toBe(`/api/v1/owner-channels/${channelsId}/discord`);
    const get = await http(api('/api/v1/admin/chat-channels'), { headers: ownerAuth });
    expect(get.body).toEqual(put.body);
    expect(get.text).not.toContain(SECRET);

    const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ secret: Buffer; kid: string }>(
        'SELECT slack_secret_ciphertext AS secret, slack_secret_key_id AS kid FROM owner_chat_channels WHERE id = $1',
        [channelsId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].kid).toBe('e2e1');
      expect(rows[0].secret.toString('latin1')).not.toContain(SECRET);
    } finally {
      await db.end();
    }
  });

  it("is the owner's only: a tenant admin and anonymous callers are refused", async () => {
    const slug = `och-staff-${tag}`;
    const created = await http(api('/api/v1/admin/tenants'), {
      headers: ownerAuth,
      body: {
        displayName: `Channel Staff ${tag}`,
        slug,
        kind: 'retail',
        timezone: 'Europe/London',
        domain: null,
        admin: { email: `admin-${slug}@example.test`, password: 'staff password 123' },
      },
    });
    expect(created.status).toBe(201);
    const staff = await http(api('/api/v1/auth/login'), { body: { email: `admin-${slug}@example.test`, password: 'staff password 123' } });
    expect((await http(api('/api/v1/admin/chat-channels'), { headers: { authorization: `Bearer ${staff.body.token}` } })).status).toBe(403);
    expect((await http(api('/api/v1/admin/chat-channels'))).status).toBe(401);
  });
});

describe('Slack', () => {
  const BOB = `Bob's Plumbing ${tag}`;

  it('"Set up a new client called Bob\'s Plumbing for bobsplumbing.com" from a signed slash command: proposed, created after "yes"', async () => {
    const proposed = await slackSays(`Set up a new client called ${BOB} for bobsplumbing-${tag}.example`);
    expect(proposed).toMatch(/Reply "yes" to confirm/);
    expect(await tenantsNamed(BOB)).toEqual([]);
    const done = await slackSays('yes');
    expect(done).toMatch(/sk_live_/);
    expect(await tenantsNamed(BOB)).toEqual([expect.objectContaining({ status: 'active' })]);
  });

  it('the other seed phrasings from Slack: tone, new key, pause, each after "yes"; then the client list', async () => {
    const [bob] = await tenantsNamed(BOB);
    const slug = `bobs-plumbing-${tag}`;
    const tenant = async () => (await http(api(`/api/v1/admin/tenants/${bob.id}`), { headers: ownerAuth })).body.tenant;
    const keys = async () =>
      ((await http(api(`/api/v1/admin/tenants/${bob.id}/keys`), { headers: ownerAuth })).body.items as unknown[]).length;
    /** Says it; when the run's shared database has other Bobs and the assistant asks which, answers with the slug. */
    const aboutBob = async (text: string) => {
      const answer = await slackSays(text);
      return /Which client do you mean/.test(answer) ? slackSays(slug) : answer;
    };
    expect(await aboutBob("Update Bob's chatbot personality to be more formal")).toMatch(/Reply "yes"/);
    expect((await tenant()).config.tone).toBe('friendly');
    await slackSays('yes');
    expect((await tenant()).config.tone).toBe('formal');

    const before = await keys();
    expect(await aboutBob('Generate a new API key for Bob')).toMatch(/Reply "yes"/);
    expect(await slackSays('yes')).toMatch(/sk_live_/);
    expect(await keys()).toBe(before + 1);

    expect(await aboutBob("Pause Bob's account")).toMatch(/Reply "yes"/);
    expect((await tenant()).status).toBe('active');
    await slackSays('yes');
    expect((await tenant()).status).toBe('deactivated');

    expect(await slackSays('Show me all my clients')).toContain(`"${BOB}" (${slug}, plumber, deactivated)`);
  });

  it('"How are my clients doing?" answers with the numbers of the portfolio API', async () => {
    const text = await slackSays('How are my clients doing?');
    const totals = (await http(api('/api/v1/admin/insights?period=week'), { headers: ownerAuth })).body.portfolio.totals;
    expect(text).toContain(
      `${totals.activeTenants} active clients of ${totals.tenants}: ${totals.red} red, ${totals.amber} amber, ${totals.green} green`,
    );
  });

  it('refuses a tampered body, a wrong secret, a stale timestamp, a replay, an unknown id, and changes nothing', async () => {
    const before = received.length;
    const { body } = slackForm(`Set up a new client called Mallory ${tag} for mallory-${tag}.example`);
    const headers = signedSlack(body);
    expectRefused(await postSlack(body.replace('Mallory', 'Malloryx'), headers), 401);
    expectRefused(await postSlack(body, signedSlack(body, now(), 'a-wrong-signing-secret')), 401);
    expectRefused(await postSlack(body, signedSlack(body, String(Math.floor(Date.now() / 1000) - 6 * 60))), 401);
    expectRefused(await postSlack(body, {}), 401);
    expectRefused(await postSlack(body, signedSlack(body), '00000000-0000-4000-8000-000000000000'), 401);
    // Signed right once: acknowledged; the very same request again is a replay.
    const first = await postSlack(body, headers);
    expect(first.status).toBe(200);
    expectRefused(await postSlack(body, headers), 401);
    await eventually(
      async () => received.length,
      (n) => n > before,
      30_000,
    );
    // Only the accepted request was answered (a proposal, not performed: no "yes" followed).
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)!.json.text).toMatch(/Reply "yes"/);
    expect(await tenantsNamed(`Mallory ${tag}`)).toEqual([]);
    // Cancel it so the next Slack test starts clean.
    await slackSays('cancel');
  });

  it("refuses another workspace or user (403), and a response_url that is not Slack's (400)", async () => {
    const other = slackForm('Show me all my clients', { team_id: 'TOTHER' });
    expectRefused(await postSlack(other.body, signedSlack(other.body)), 403);
    const stranger = slackForm('Show me all my clients', { user_id: 'USTRANGER' });
    expectRefused(await postSlack(stranger.body, signedSlack(stranger.body)), 403);
    const elsewhere = slackForm('Show me all my clients', { response_url: 'https://attacker.example/collect' });
    const res = await postSlack(elsewhere.body, signedSlack(elsewhere.body));
    expect(res.status).toBe(400);
  });
});

describe('Discord', () => {
  const CAFE = `Quokka Cafe ${tag}`;

  it('answers a signed PING with PONG, and refuses an unsigned or badly signed one', async () => {
    const ping = JSON.stringify({ type: 1, id: '1', application_id: APP_ID });
    expect((await postDiscord(ping, signedDiscord(ping))).json).toEqual({ type: 1 });
    expectRefused(await postDiscord(ping, {}), 401);
    const other = generateKeyPairSync('ed25519').privateKey;
    expectRefused(await postDiscord(ping, signedDiscord(ping, now(), other)), 401);
  });

  it('defers a command and PATCHes the answer; "Pause …" happens only after "yes"', async () => {
    const created = await http(api('/api/v1/admin/tenants'), {
      headers: ownerAuth,
      body: { displayName: CAFE, slug: `quokka-cafe-${tag}`, kind: 'restaurant', timezone: 'Europe/London', domain: null },
    });
    expect(created.status).toBe(201);
    const id = created.body.tenant.id as string;
    const proposed = await discordSays(`Pause ${CAFE}`);
    expect(proposed).toMatch(/Reply "yes" to confirm/);
    expect((await http(api(`/api/v1/admin/tenants/${id}`), { headers: ownerAuth })).body.tenant.status).toBe('active');
    const done = await discordSays('yes');
    expect(done).toMatch(/Paused/);
    expect((await http(api(`/api/v1/admin/tenants/${id}`), { headers: ownerAuth })).body.tenant.status).toBe('deactivated');
  });

  it('refuses a tampered body, a stale timestamp, a replay, another user, server or application', async () => {
    const before = received.length;
    const { body } = interaction('Show me all my clients');
    const headers = signedDiscord(body);
    expectRefused(await postDiscord(body.replace('all my', 'all of my'), headers), 401);
    expectRefused(await postDiscord(body, signedDiscord(body, String(Math.floor(Date.now() / 1000) - 6 * 60))), 401);
    for (const overrides of [
      { member: { user: { id: '111111111111111111' } } },
      { guild_id: '222222222222222222' },
      { application_id: '333333333333333333' },
    ]) {
      const other = interaction('Show me all my clients', overrides).body;
      expectRefused(await postDiscord(other, signedDiscord(other)), 403);
    }
    expect((await postDiscord(body, headers)).status).toBe(200);
    expectRefused(await postDiscord(body, headers), 401);
    await eventually(
      async () => received.length,
      (n) => n > before,
      30_000,
    );
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)!.method).toBe('PATCH');
  });
});
