import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signWebhook } from '../webhook.channel';
import { buildWebhookPayload } from '../webhook-payload.builder';
import { aNotification } from './notification.fixture';

describe('webhook signing', () => {
  const at = new Date();
  const headers = (msgId: string, signature: string) => ({
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  });

  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('signs so that the holder of the secret verifies, and no one else', () => {
    const secret = generateWebhookSecret();
    const signature = signWebhook([secret], 'msg_1', at, '{"a":1}');
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify('{"a":1}', headers('msg_1', signature))).toEqual({ a: 1 });
    expect(() => new Webhook(generateWebhookSecret()).verify('{"a":1}', headers('msg_1', signature))).toThrow(
      'No matching signature found',
    );
    expect(() => new Webhook(secret).verify('{"a":2}', headers('msg_1', signature))).toThrow('No matching signature found');
  });

  it('signs with both secrets during a rotation, the current one first', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const signature = signWebhook([current, previous], 'msg_2', at, '{}');
    const parts = signature.split(' ');
    expect(parts).toEqual([signWebhook([current], 'msg_2', at, '{}'), signWebhook([previous], 'msg_2', at, '{}')]);
    expect(() => new Webhook(current).verify('{}', headers('msg_2', signature))).not.toThrow();
    expect(() => new Webhook(previous).verify('{}', headers('msg_2', signature))).not.toThrow();
  });

  it('refuses to sign without a secret', () => {
    expect(() => signWebhook([], 'msg_3', at, '{}')).toThrow('the webhook has no signing secret');
  });

  it('builds the Standard Webhooks body from the notification, the same on every attempt', () => {
    const n = aNotification({ items: [{ title: 'x', severity: 'info', occurredAt: '2026-03-01T08:00:00Z', url: null }] });
    expect(buildWebhookPayload(n)).toEqual({
      type: 'notification.urgent_callback',
      timestamp: n.occurredAt,
      data: {
        id: n.notificationId,
        delivery_id: n.deliveryId,
        tenant_id: n.tenantId,
        kind: 'urgent_callback',
        severity: 'critical',
        title: n.title,
        body: n.body,
        url: n.url,
        occurred_at: n.occurredAt,
        items: [{ title: 'x', severity: 'info', occurred_at: '2026-03-01T08:00:00Z', url: null }],
      },
    });
    expect(buildWebhookPayload(aNotification()).data).not.toHaveProperty('items');
  });
});
