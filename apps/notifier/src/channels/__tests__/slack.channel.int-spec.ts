import type { ServerResponse } from 'node:http';
import { OutboundHttpClient } from '../outbound-http.client';
import { SlackChannel } from '../slack.channel';
import { startReceiver, type HttpReceiver, type ReceivedRequest } from './http-receiver';
import { aNotification } from './notification.fixture';

/** The subset of Slack's checks a message from us can fail: answers like hooks.slack.com does. */
function blockKitProblems(message: unknown): string[] {
  const problems: string[] = [];
  const m = message as { text?: unknown; blocks?: Array<Record<string, unknown>> };
  if (typeof m.text !== 'string' || m.text === '') problems.push('text');
  if (!Array.isArray(m.blocks) || m.blocks.length === 0 || m.blocks.length > 50) return [...problems, 'blocks'];
  for (const block of m.blocks) {
    const text = block.text as { type?: string; text?: string } | undefined;
    switch (block.type) {
      case 'header':
        if (text?.type !== 'plain_text' || !text.text || text.text.length > 150) problems.push('header');
        break;
      case 'section':
        if (text?.type !== 'mrkdwn' || !text.text || text.text.length > 3000) problems.push('section');
        break;
      case 'context': {
        const elements = block.elements as Array<{ type: string; text: string }>;
        if (
          !Array.isArray(elements) ||
          elements.length === 0 ||
          elements.length > 10 ||
          elements.some((e) => e.type !== 'mrkdwn' || !e.text)
        )
          problems.push('context');
        break;
      }
      case 'actions': {
        const elements = block.elements as Array<{ type: string; text?: { type: string; text: string }; url?: string }>;
        if (
          !Array.isArray(elements) ||
          elements.some(
            (e) =>
              e.type !== 'button' ||
              e.text?.type !== 'plain_text' ||
              !e.text.text ||
              e.text.text.length > 75 ||
              !/^https?:\/\//.test(e.url ?? ''),
          )
        )
          problems.push('actions');
        break;
      }
      default:
        problems.push(`unknown block ${String(block.type)}`);
    }
  }
  return problems;
}

function slackLike(received: unknown[]) {
  return (req: ReceivedRequest, res: ServerResponse) => {
    const message = JSON.parse(req.body) as unknown;
    received.push(message);
    const problems = blockKitProblems(message);
    if (problems.length > 0) res.writeHead(400, { 'content-type': 'text/plain' }).end(`invalid_blocks ${problems.join(',')}`);
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  };
}

describe('SlackChannel against an incoming-webhook receiver', () => {
  let receiver: HttpReceiver;
  const channel = new SlackChannel(new OutboundHttpClient({ allowPrivateTargets: true, production: false, httpTimeoutMs: 2_000 }));
  const signal = new AbortController().signal;
  const target = () => ({ kind: 'slack' as const, channelId: 'c1', url: `${receiver.origin}/services/T000/B000/XXXX` });

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('posts a valid Block Kit message with the header, body, scope and a button back to the session', async () => {
    const received: unknown[] = [];
    receiver.respond(slackLike(received));
    await expect(channel.send(aNotification(), target(), signal)).resolves.toEqual({ ok: true, statusCode: 200 });
    const message = received[0] as { text: string; blocks: Array<{ type: string; elements?: Array<{ url?: string }> }> };
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(message.blocks[3].elements![0].url).toBe('https://parley.example.com/console/sessions/3f1c');
    expect(receiver.requests[0].headers['content-type']).toBe('application/json');
  });

  it('stays valid at the limits: a long title and body, and a digest of many items', async () => {
    const received: unknown[] = [];
    receiver.respond(slackLike(received));
    const items = Array.from({ length: 80 }, (_, i) => ({
      title: `Lead ${i} ${'x'.repeat(80)}`,
      severity: 'info' as const,
      occurredAt: '2026-03-01T08:00:00Z',
      url: `https://parley.example.com/n/${i}`,
    }));
    const n = aNotification({ title: 'T'.repeat(500), body: '<&>'.repeat(3000), items });
    await expect(channel.send(n, target(), signal)).resolves.toEqual({ ok: true, statusCode: 200 });
  });

  it("reports Slack's refusal of a bad message as not retryable", async () => {
    receiver.respond((_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service'));
    await expect(channel.send(aNotification(), target(), signal)).resolves.toEqual({
      ok: false,
      retryable: false,
      statusCode: 404,
      error: 'HTTP 404: no_service',
    });
  });

  it("reports Slack's rate limit as retryable after Retry-After", async () => {
    receiver.respond((_req, res) => res.writeHead(429, { 'retry-after': '5' }).end());
    await expect(channel.send(aNotification(), target(), signal)).resolves.toEqual({
      ok: false,
      retryable: true,
      statusCode: 429,
      retryAfterMs: 5_000,
      error: 'HTTP 429',
    });
  });
});
