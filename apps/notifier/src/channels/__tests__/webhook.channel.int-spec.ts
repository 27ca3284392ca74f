import { Webhook } from 'standardwebhooks';
import { OutboundHttpClient } from '../outbound-http.client';
import { generateWebhookSecret, WebhookChannel } from '../webhook.channel';
import type { WebhookPayload } from '../webhook-payload.builder';
import { startReceiver, type HttpReceiver, type ReceivedRequest } from './http-receiver';
import { aNotification } from './notification.fixture';

/** What a tenant's endpoint does with the Standard Webhooks library: verify, or answer 401. */
function verifyingReceiver(secret: string, verified: unknown[]) {
  return (req: ReceivedRequest, res: import('node:http').ServerResponse) => {
    try {
      verified.push(new Webhook(secret).verify(req.body, req.headers as Record<string, string>));
      res.writeHead(200).end();
    } catch (err) {
      res.writeHead(401).end((err as Error).message);
    }
  };
}

describe('WebhookChannel against a verifying receiver', () => {
  let receiver: HttpReceiver;
  const channel = new WebhookChannel(new OutboundHttpClient({ allowPrivateTargets: true, production: false, httpTimeoutMs: 2_000 }));
  const signal = new AbortController().signal;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.requests.length = 0;
  });

  it('delivers a body the receiver verifies with its secret, with the Standard Webhooks headers', async () => {
    const secret = generateWebhookSecret();
    const verified: unknown[] = [];
    receiver.respond(verifyingReceiver(secret, verified));
    const n = aNotification();
    const target = { kind: 'webhook' as const, channelId: 'c1', url: `${receiver.origin}/parley`, secrets: [secret] };

    await expect(channel.send(n, target, signal)).resolves.toEqual({ ok: true, statusCode: 200 });

    const [req] = receiver.requests;
    expect(req.headers['webhook-id']).toBe(n.deliveryId);
    expect(req.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(req.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(req.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'Parley-Notifier/1' });
    const payload = verified[0] as WebhookPayload;
    expect(payload).toEqual({
      type: 'notification.urgent_callback',
      timestamp: n.occurredAt,
      data: {
        id: n.notificationId,
        delivery_id: n.deliveryId,
        tenant_id: n.tenantId,
        kind: n.kind,
        severity: n.severity,
        title: n.title,
        body: n.body,
        url: n.url,
        occurred_at: n.occurredAt,
      },
    });
  });

  it('keeps the same webhook-id on a retry of the same delivery, so the receiver can dedupe', async () => {
    const secret = generateWebhookSecret();
    receiver.respond(verifyingReceiver(secret, []));
    const n = aNotification();
    const target = { kind: 'webhook' as const, channelId: 'c1', url: `${receiver.origin}/parley`, secrets: [secret] };
    await channel.send(n, target, signal);
    await channel.send(n, target, signal);
    expect(receiver.requests.map((r) => r.headers['webhook-id'])).toEqual([n.deliveryId, n.deliveryId]);
    expect(receiver.requests[0].body).toBe(receiver.requests[1].body);
  });

  it('during a rotation, a receiver holding either the new or the old secret verifies', async () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const target = { kind: 'webhook' as const, channelId: 'c1', url: `${receiver.origin}/parley`, secrets: [current, previous] };
    for (const held of [current, previous]) {
      const verified: unknown[] = [];
      receiver.respond(verifyingReceiver(held, verified));
      await expect(channel.send(aNotification(), target, signal)).resolves.toEqual({ ok: true, statusCode: 200 });
      expect(verified).toHaveLength(1);
    }
    expect(String(receiver.requests.at(-1)!.headers['webhook-signature']).split(' ')).toHaveLength(2);
  });

  it('fails for good when the receiver holds another secret (it answers 401)', async () => {
    receiver.respond(verifyingReceiver(generateWebhookSecret(), []));
    const target = { kind: 'webhook' as const, channelId: 'c1', url: `${receiver.origin}/parley`, secrets: [generateWebhookSecret()] };
    await expect(channel.send(aNotification(), target, signal)).resolves.toEqual({
      ok: false,
      retryable: false,
      statusCode: 401,
      error: 'HTTP 401: No matching signature found',
    });
  });

  it('fails for good without a secret, sending nothing', async () => {
    const target = { kind: 'webhook' as const, channelId: 'c1', url: `${receiver.origin}/parley`, secrets: [] };
    await expect(channel.send(aNotification(), target, signal)).resolves.toEqual({
      ok: false,
      retryable: false,
      error: 'cannot sign: the webhook has no signing secret',
    });
    expect(receiver.requests).toHaveLength(0);
  });
});
