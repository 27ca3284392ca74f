import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type ChannelSettings,
  type NotifierChannelCreateRpc,
  type NotifierChannelDeleteRpc,
  type NotifierChannelListRpc,
  type NotifierChannelRotateSecretRpc,
  type NotifierChannelTestRpc,
  type NotifierChannelUpdateRpc,
  PLATFORM_TENANT_ID,
  type RpcRequestOf,
  type RpcResponseOf,
} from '@parley/contracts';
import { TenantDb, writeAudit, type Prisma, type TenantTx } from '@parley/persistence';
import { randomUUID } from 'node:crypto';
import { SecretBox } from '@parley/auth';
import { checkTargetUrl } from '@parley/integrations';
import { generateWebhookSecret } from '../channels/webhook.channel';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../common/notifier.options';
import { NotifierError } from '../common/notifier.error';
import { ChannelBreakers } from '../delivery/channel-breakers.registry';
import { DeliveryLogService } from '../delivery-log/delivery-log.service';
import { toChannelView } from './channel.mapper';
import { ChannelRepository, type ChannelWrite } from './channel.repository';
import { maskSecretUrl } from './channel.mapper';

/** Audit rows of a tenant's channels go to its chain; the owner's own channels to the platform chain (no tenant). */
async function audit(
  tx: TenantTx,
  scope: string,
  actor: Actor,
  action: string,
  channelId: string,
  data: Prisma.InputJsonObject,
): Promise<void> {
  await writeAudit(tx, {
    tenantId: scope === PLATFORM_TENANT_ID ? null : scope,
    actor,
    action,
    targetType: 'notification_channel',
    targetId: channelId,
    data,
  });
}

/** A tenant's (or the owner's) notification channels: create, change, rotate, delete, test. */
@Injectable()
export class ChannelAdminService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: ChannelRepository,
    private readonly secrets: SecretBox,
    private readonly breakers: ChannelBreakers,
    private readonly deliveries: DeliveryLogService,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  async list(req: RpcRequestOf<typeof NotifierChannelListRpc>): Promise<RpcResponseOf<typeof NotifierChannelListRpc>> {
    const rows = await this.db.run(req.tenantId, (tx) => this.repo.list(tx, req.tenantId));
    return { version: 1, items: rows.map(toChannelView) };
  }

  async create(req: RpcRequestOf<typeof NotifierChannelCreateRpc>): Promise<RpcResponseOf<typeof NotifierChannelCreateRpc>> {
    const stored = this.storedSettings(req.settings);
    const signingSecret = req.settings.kind === 'webhook' ? generateWebhookSecret() : null;
    const secret = signingSecret ?? stored.secret;
    // The id is chosen here so the secret is sealed bound to its row (a ciphertext copied to another channel does not open).
    const id = randomUUID();
    const sealed = secret ? this.secrets.seal(secret, id) : null;
    const row = await this.db.run(req.tenantId, async (tx) => {
      const created = await this.repo.create(tx, req.tenantId, req.settings.kind, {
        id,
        name: req.name,
        enabled: req.enabled,
        target: stored.target,
        config: stored.config,
        secretCiphertext: sealed ? new Uint8Array(sealed.ciphertext) : null,
        secretKeyId: sealed?.keyId ?? null,
      });
      await audit(tx, req.tenantId, req.actor, 'notification_channel.created', created.id, { kind: created.kind, name: created.name });
      return created;
    });
    return { version: 1, channel: toChannelView(row), signingSecret };
  }

  async update(req: RpcRequestOf<typeof NotifierChannelUpdateRpc>): Promise<RpcResponseOf<typeof NotifierChannelUpdateRpc>> {
    const row = await this.db.run(req.tenantId, async (tx) => {
      const current = await this.repo.get(tx, req.tenantId, req.channelId);
      const data: ChannelWrite = { name: req.name, enabled: req.enabled };
      if (req.settings) {
        if (req.settings.kind !== current.kind)
          throw NotifierError.invalid('settings.kind', `this channel is a ${current.kind} channel; create a new channel for another kind`);
        const stored = this.storedSettings(req.settings);
        data.target = stored.target;
        data.config = stored.config;
        if (stored.secret) {
          const sealed = this.secrets.seal(stored.secret, current.id);
          data.secretCiphertext = new Uint8Array(sealed.ciphertext);
          data.secretKeyId = sealed.keyId;
        }
      }
      const updated = await this.repo.update(tx, current.id, data);
      await audit(tx, req.tenantId, req.actor, 'notification_channel.updated', current.id, {
        fields: Object.keys(data).filter((k) => data[k as keyof ChannelWrite] !== undefined && !k.startsWith('secret')),
      });
      return updated;
    });
    this.breakers.forget(row.id);
    return { version: 1, channel: toChannelView(row) };
  }

  async remove(req: RpcRequestOf<typeof NotifierChannelDeleteRpc>): Promise<RpcResponseOf<typeof NotifierChannelDeleteRpc>> {
    await this.db.run(req.tenantId, async (tx) => {
      const current = await this.repo.get(tx, req.tenantId, req.channelId);
      await this.repo.remove(tx, current.id);
      await audit(tx, req.tenantId, req.actor, 'notification_channel.deleted', current.id, { kind: current.kind, name: current.name });
    });
    this.breakers.forget(req.channelId);
    return { version: 1, channelId: req.channelId };
  }

  /** A new signing secret; the old one keeps signing beside it for the grace period. */
  async rotateSecret(
    req: RpcRequestOf<typeof NotifierChannelRotateSecretRpc>,
  ): Promise<RpcResponseOf<typeof NotifierChannelRotateSecretRpc>> {
    const signingSecret = generateWebhookSecret();
    const row = await this.db.run(req.tenantId, async (tx) => {
      const current = await this.repo.get(tx, req.tenantId, req.channelId);
      if (current.kind !== 'webhook') throw NotifierError.invalid('channelId', 'only webhook channels have a signing secret');
      const sealed = this.secrets.seal(signingSecret, current.id);
      const grace = req.graceSeconds > 0 && current.secretCiphertext;
      const updated = await this.repo.update(tx, current.id, {
        secretCiphertext: new Uint8Array(sealed.ciphertext),
        secretKeyId: sealed.keyId,
        previousSecretCiphertext: grace ? new Uint8Array(current.secretCiphertext as Uint8Array) : null,
        previousSecretKeyId: grace ? current.secretKeyId : null,
        previousSecretExpiresAt: grace ? new Date(Date.now() + req.graceSeconds * 1000) : null,
      });
      await audit(tx, req.tenantId, req.actor, 'notification_channel.secret_rotated', current.id, { graceSeconds: req.graceSeconds });
      return updated;
    });
    return { version: 1, channel: toChannelView(row), signingSecret };
  }

  /** Sends a test notification through the channel now and reports the delivery. */
  async test(req: RpcRequestOf<typeof NotifierChannelTestRpc>): Promise<RpcResponseOf<typeof NotifierChannelTestRpc>> {
    await this.db.run(req.tenantId, (tx) => this.repo.get(tx, req.tenantId, req.channelId));
    return { version: 1, delivery: await this.deliveries.sendTest(req.tenantId, req.channelId) };
  }

  /** Splits settings into what is shown (target, config) and what is encrypted (secret). */
  private storedSettings(settings: ChannelSettings): { target: string; config: Prisma.InputJsonObject; secret: string | null } {
    if (settings.kind === 'email') {
      return {
        target: settings.to.join(', '),
        config: { to: settings.to, ...(settings.senderName ? { senderName: settings.senderName } : {}) },
        secret: null,
      };
    }
    const check = checkTargetUrl(settings.url, { allowPrivate: this.options.allowPrivateTargets, production: this.options.production });
    if (!check.ok) throw NotifierError.invalid('settings.url', check.reason, 'forbidden_target');
    if (settings.kind === 'webhook') return { target: check.url.toString(), config: {}, secret: null };
    return { target: maskSecretUrl(check.url.toString()), config: {}, secret: check.url.toString() };
  }
}
