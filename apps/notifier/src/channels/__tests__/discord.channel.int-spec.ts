import type { ServerResponse } from 'node:http';
import { DiscordChannel } from '../discord.channel';
import { OutboundHttpClient } from '../outbound-http.client';
import { startReceiver, type HttpReceiver, type ReceivedRequest } from './http-receiver';
import { aNotification } from './notification.fixture';

interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  footer?: { text?: string };
  fields?: Array<{ name: string; value: string }>;
}

/** Discord's embed limits, checked the way the API does before it answers 400. */
function embedProblems(message: { username?: string; embeds?: Embed[]; allowed_mentions?: { parse?: unknown[] } }): string[] {
  const problems: string[] = [];
  if (!Array.isArray(message.embeds) || message.embeds.length === 0 || message.embeds.length > 10) return ['embeds'];
  for (const e of message.embeds) {
    if ((e.title?.length ?? 0) > 256) problems.push('title');
    if ((e.description?.length ?? 0) > 4096) problems.push('description');
    if (e.url !== undefined && !/^https?:\/\//.test(e.url)) problems.push('url');
    if (e.color !== undefined && (!Number.isInteger(e.color) || e.color < 0 || e.color > 0xffffff)) problems.push('color');
    if (e.timestamp !== undefined && Number.isNaN(Date.parse(e.timestamp))) problems.push('timestamp');
    if ((e.footer?.text?.length ?? 0) > 2048) problems.push('footer');
    const fields = e.fields ?? [];
    if (fields.length > 25 || fields.some((f) => !f.name || !f.value || f.name.length > 256 || f.value.length > 1024))
      problems.push('fields');
    const total =
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text?.length ?? 0) +
      fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (total > 6000) problems.push('total');
  }
  return problems;
}

function discordLike(received: unknown[]) {
  return (req: ReceivedRequest, res: ServerResponse) => {
    const message = JSON.parse(req.body) as Parameters<typeof embedProblems>[0];
    received.push(message);
    const problems = embedProblems(message);
    if (problems.length > 0)
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ code: 50035, message: `Invalid Form Body: ${problems.join(',')}` }));
    else res.writeHead(204).end();
  };
}

describe('DiscordChannel against a webhook receiver', () => {
  let receiver: HttpReceiver;
  const channel = new DiscordChannel(new OutboundHttpClient({ allowPrivateTargets: true, production: false, httpTimeoutMs: 2_000 }));
  const signal = new AbortController().signal;
  const target = () => ({ kind: 'discord' as const, channelId: 'c1', url: `${receiver.origin}/api/webhooks/1/token` });

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('posts one embed with the title, link, colour, time and scope, and mentions disabled', async () => {
    const received: unknown[] = [];
    receiver.respond(discordLike(received));
    const n = aNotification({ body: '@everyone call me' });
    await expect(channel.send(n, target(), signal)).resolves.toEqual({ ok: true, statusCode: 204 });
    expect(received[0]).toMatchObject({
      username: 'Parley',
      allowed_mentions: { parse: [] },
      embeds: [
        { title: n.title, url: n.url, timestamp: n.occurredAt, footer: { text: 'Flow Plumbing' }, description: '\\@everyone call me' },
      ],
    });
  });

  it('stays within the embed limits for a digest of many long items', async () => {
    const received: unknown[] = [];
    receiver.respond(discordLike(received));
    const items = Array.from({ length: 60 }, (_, i) => ({
      title: `Item ${i} ${'y'.repeat(300)}`,
      severity: 'warning' as const,
      occurredAt: '2026-03-01T08:00:00Z',
      url: `https://parley.example.com/n/${i}`,
    }));
    await expect(channel.send(aNotification({ title: 'D'.repeat(400), body: 'z'.repeat(6000), items }), target(), signal)).resolves.toEqual(
      { ok: true, statusCode: 204 },
    );
    expect((received[0] as { embeds: Embed[] }).embeds[0].fields!.length).toBeGreaterThan(0);
  });

  it("reports Discord's 400 as not retryable, and a 502 as retryable", async () => {
    receiver.respond((_req, res) => res.writeHead(400).end('{"code":50006}'));
    await expect(channel.send(aNotification(), target(), signal)).resolves.toMatchObject({ ok: false, retryable: false, statusCode: 400 });
    receiver.respond((_req, res) => res.writeHead(502).end());
    await expect(channel.send(aNotification(), target(), signal)).resolves.toMatchObject({ ok: false, retryable: true, statusCode: 502 });
  });
});
