// Channel secrets at rest and in rotation, over the real database as the app role, with real
// senders against local receivers: no plaintext secret or secret URL is stored; a ciphertext
// copied to another channel's row does not open there; rows sealed without the channel binding
// (older data) or under a retired key are re-sealed when next used; a rotated webhook secret
// keeps signing only until its grace period ends.
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { createTenant } from '@parley/testing';
import { notifierSecretBox } from '../channels/secret-box.factory';
import { startReceiver, type HttpReceiver } from '../channels/__tests__/http-receiver';
import type { NewNotification } from '../intake/new-notification.types';
import { KEYS, sendDue, startHarness, systemActor, type Harness } from './dispatch.harness';

const databases = { app: process.env.TEST_DATABASE_URL as string, owner: process.env.TEST_DATABASE_OWNER_URL as string };

describe('channel secrets (real database, app role)', () => {
  let h: Harness;
  let receiver: HttpReceiver;

  beforeAll(async () => {
    h = startHarness(databases);
    receiver = await startReceiver((_req, res) => res.writeHead(200).end());
  });
  afterAll(async () => {
    await receiver.close();
    await h.close();
  });

  const note = (scope: string): NewNotification => ({
    id: randomUUID(),
    scope,
    kind: 'handoff',
    severity: 'warning',
    title: 'A visitor wants a person',
    body: '',
    link: null,
    source: 'notify.requested',
    occurredAt: new Date(),
    data: {},
  });

  /** A notification to every enabled channel of a tenant without staff (no inbox), sent at once. */
  async function notifyAll(harness: Harness, tenantId: string): Promise<void> {
    await harness.intake.accept(note(tenantId), { msgId: randomUUID() });
    await sendDue(harness, tenantId);
  }

  const create = (tenantId: string, name: string, settings: { kind: 'webhook' | 'slack' | 'discord'; url: string }) =>
    h.channels.create({ version: 1, tenantId, actor: systemActor, name, enabled: true, settings });

  /** The stored rows exactly as PostgreSQL holds them (every column, the sealed bytes also as escaped text and hex). */
  const storedRows = (tenantId: string) =>
    h.owner.$queryRaw<Array<Record<string, unknown>>>`
      SELECT *, encode(secret_ciphertext, 'escape') AS secret_text, encode(secret_ciphertext, 'hex') AS secret_hex
        FROM notification_channels WHERE tenant_id = ${tenantId}::uuid`;

  const row = (channelId: string) => h.owner.notificationChannel.findUniqueOrThrow({ where: { id: channelId } });

  it('stores no plaintext signing secret or secret URL', async () => {
    const tenant = await createTenant(h.owner);
    const hook = await create(tenant.id, 'hook', { kind: 'webhook', url: `${receiver.origin}/hook` });
    const slackUrl = `${receiver.origin}/services/T0SECRET/B0SECRET/slack-token-plain`;
    const discordUrl = `${receiver.origin}/api/webhooks/42/discord-token-plain`;
    await create(tenant.id, 'slack', { kind: 'slack', url: slackUrl });
    await create(tenant.id, 'discord', { kind: 'discord', url: discordUrl });
    const rows = await storedRows(tenant.id);
    expect(rows).toHaveLength(3);
    const dump = JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    expect(hook.signingSecret).toMatch(/^whsec_/);
    const secretBytes = Buffer.from((hook.signingSecret as string).slice('whsec_'.length), 'base64');
    const plaintexts = [
      hook.signingSecret as string,
      secretBytes.toString('latin1'),
      'slack-token-plain',
      'discord-token-plain',
      'B0SECRET',
    ];
    for (const plain of [...plaintexts, ...plaintexts.map((p) => Buffer.from(p, 'latin1').toString('hex')), secretBytes.toString('hex')])
      expect(dump).not.toContain(plain);
    // What is shown is masked; what is sealed opens only as this channel's.
    for (const r of rows) expect(r.secret_key_id).toBe('k1');
    await notifyAll(h, tenant.id);
    expect(receiver.requests.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/hook', '/services/T0SECRET/B0SECRET/slack-token-plain', '/api/webhooks/42/discord-token-plain']),
    );
  });

  it("does not open a ciphertext copied to another channel's row: that delivery is dead, nothing is sent", async () => {
    const tenant = await createTenant(h.owner);
    const a = await create(tenant.id, 'a', { kind: 'slack', url: `${receiver.origin}/services/A/A/a-token` });
    const b = await create(tenant.id, 'b', { kind: 'slack', url: `${receiver.origin}/services/B/B/b-token` });
    const stolen = await row(a.channel.id);
    await h.owner.notificationChannel.update({
      where: { id: b.channel.id },
      data: { secretCiphertext: stolen.secretCiphertext, secretKeyId: stolen.secretKeyId },
    });
    const before = receiver.requests.length;
    await notifyAll(h, tenant.id);
    const sent = receiver.requests.slice(before).map((r) => r.path);
    expect(sent).toEqual(['/services/A/A/a-token']);
    const deliveries = await h.db.run(tenant.id, (tx) => tx.notificationDelivery.findMany({ where: { tenantId: tenant.id } }));
    expect(deliveries.find((d) => d.channelId === a.channel.id)?.status).toBe('delivered');
    expect(deliveries.find((d) => d.channelId === b.channel.id)).toMatchObject({
      status: 'dead',
      lastError: expect.stringContaining("cannot open the channel's secret"),
    });
  });

  it('re-seals a row sealed before secrets were bound to their channel, when it is next used', async () => {
    const tenant = await createTenant(h.owner);
    const url = `${receiver.origin}/services/L/L/legacy-token`;
    const c = await create(tenant.id, 'legacy', { kind: 'slack', url });
    const legacy = h.secrets.seal(url); // how rows were sealed before: no context
    await h.owner.notificationChannel.update({
      where: { id: c.channel.id },
      data: { secretCiphertext: new Uint8Array(legacy.ciphertext) },
    });
    const before = receiver.requests.length;
    await notifyAll(h, tenant.id);
    expect(receiver.requests.slice(before).map((r) => r.path)).toEqual(['/services/L/L/legacy-token']);
    const after = await row(c.channel.id);
    expect(Buffer.from(after.secretCiphertext as Uint8Array).equals(legacy.ciphertext)).toBe(false);
    expect(h.secrets.open(after.secretCiphertext as Uint8Array, after.secretKeyId as string, c.channel.id)).toBe(url);
    expect(() => h.secrets.open(after.secretCiphertext as Uint8Array, after.secretKeyId as string)).toThrow();
  });

  it('re-seals secrets under a retired key with the active one, current and previous, when next used', async () => {
    const tenant = await createTenant(h.owner);
    const hook = await create(tenant.id, 'hook', { kind: 'webhook', url: `${receiver.origin}/rotated-key` });
    await h.channels.rotateSecret({ version: 1, tenantId: tenant.id, actor: systemActor, channelId: hook.channel.id, graceSeconds: 3600 });
    expect(await row(hook.channel.id)).toMatchObject({ secretKeyId: 'k1', previousSecretKeyId: 'k1' });
    const keys = new Map([
      ['k1', KEYS.k1],
      ['k2', KEYS.k2],
    ]);
    const rotated = startHarness(databases, { secretKeys: keys, activeSecretKid: 'k2' });
    try {
      await notifyAll(rotated, tenant.id);
    } finally {
      await rotated.close();
    }
    const after = await row(hook.channel.id);
    expect(after).toMatchObject({ secretKeyId: 'k2', previousSecretKeyId: 'k2' });
    const k2only = notifierSecretBox({ secretKeys: new Map([['k2', KEYS.k2]]), activeSecretKid: 'k2' });
    expect(k2only.open(after.secretCiphertext as Uint8Array, 'k2', hook.channel.id)).toMatch(/^whsec_/);
    expect(k2only.open(after.previousSecretCiphertext as Uint8Array, 'k2', hook.channel.id)).toMatch(/^whsec_/);
  });

  it('signs with the previous webhook secret during the grace period only', async () => {
    const tenant = await createTenant(h.owner);
    const created = await create(tenant.id, 'rotating', { kind: 'webhook', url: `${receiver.origin}/rotating` });
    const previous = created.signingSecret as string;
    const rotation = await h.channels.rotateSecret({
      version: 1,
      tenantId: tenant.id,
      actor: systemActor,
      channelId: created.channel.id,
      graceSeconds: 2,
    });
    const current = rotation.signingSecret;
    const expiresAt = (await row(created.channel.id)).previousSecretExpiresAt as Date;
    const received = () => receiver.requests.filter((r) => r.path === '/rotating');
    const verifies = (secret: string, req: { body: string; headers: Record<string, unknown> }) => {
      try {
        new Webhook(secret).verify(req.body, req.headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    };

    await notifyAll(h, tenant.id);
    expect(Date.now()).toBeLessThan(expiresAt.getTime()); // still in the grace period
    const during = received().at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect([verifies(current, during), verifies(previous, during)]).toEqual([true, true]);

    await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 50);
    await notifyAll(h, tenant.id);
    const after = received().at(-1)!;
    expect(received()).toHaveLength(2);
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect([verifies(current, after), verifies(previous, after)]).toEqual([true, false]);
  });
});
