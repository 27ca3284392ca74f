import { Inject, Injectable } from '@nestjs/common';
import { SecretBox } from '@parley/auth';
import type {
  OwnerChannelsGetRpc,
  OwnerChannelsSetRpc,
  OwnerChannelsVerifyRpc,
  OwnerChannelsView,
  RpcRequestOf,
  RpcResponseOf,
} from '@parley/contracts';
import { PrismaService, type PrismaClient } from '@parley/persistence';
import { ProvisioningError } from '../common/provisioning.error';
import { PROVISIONING_OPTIONS, type ProvisioningOptions } from '../common/provisioning.options';
import { findById, findByOwner, upsertChannels, type OwnerChannelsRow } from './owner-channels.repository';
import { discordSignatureValid, slackSignatureValid } from './request-signature.util';

/** First part of the sealed Slack signing secret's authenticated data: never change it (sealed rows would not open). */
const SLACK_SECRET_PURPOSE = 'parley-owner-slack-signing-secret';

function toView(row: OwnerChannelsRow): OwnerChannelsView {
  return {
    id: row.id,
    slack: row.slackSecretCiphertext ? { teamIds: row.slackTeamIds, userIds: row.slackUserIds, signingSecretSet: true } : null,
    discord:
      row.discordApplicationId && row.discordPublicKey
        ? {
            applicationId: row.discordApplicationId,
            publicKey: row.discordPublicKey,
            guildIds: row.discordGuildIds,
            userIds: row.discordUserIds,
          }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The owner's Slack and Discord settings (docs/adr/0027-owner-chat-channels.md). The Slack
 * signing secret is sealed with the integrations' key ring (INTEGRATION_SECRET_KEYS), bound to
 * the owner's id, and never leaves this service: requests are verified here.
 */
@Injectable()
export class OwnerChannelsService {
  private readonly box: SecretBox | null;

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(PROVISIONING_OPTIONS) options: ProvisioningOptions,
  ) {
    const ring = options.integrations;
    this.box =
      ring?.secretKeys && ring.activeKid
        ? new SecretBox({
            keys: ring.secretKeys,
            activeKid: ring.activeKid,
            purpose: SLACK_SECRET_PURPOSE,
            envName: 'INTEGRATION_SECRET_KEYS',
          })
        : null;
  }

  async get(req: RpcRequestOf<typeof OwnerChannelsGetRpc>): Promise<RpcResponseOf<typeof OwnerChannelsGetRpc>> {
    const row = await findByOwner(this.prisma, req.ownerId);
    return { version: 1, channels: row ? toView(row) : null };
  }

  async set(req: RpcRequestOf<typeof OwnerChannelsSetRpc>): Promise<RpcResponseOf<typeof OwnerChannelsSetRpc>> {
    const { slack, discord } = req.channels;
    const current = await findByOwner(this.prisma, req.ownerId);
    let sealed: { ciphertext: Uint8Array | null; keyId: string | null } = { ciphertext: null, keyId: null };
    if (slack?.signingSecret) {
      if (!this.box)
        throw new ProvisioningError('UNAVAILABLE', 'the Slack signing secret cannot be stored: INTEGRATION_SECRET_KEYS is not configured');
      const s = this.box.seal(slack.signingSecret, req.ownerId);
      sealed = { ciphertext: s.ciphertext, keyId: s.keyId };
    } else if (slack) {
      if (!current?.slackSecretCiphertext) {
        throw new ProvisioningError('VALIDATION', 'Slack needs its signing secret', {
          issues: [{ path: 'slack.signing_secret', code: 'required', message: 'required when Slack is first set up' }],
        });
      }
      sealed = { ciphertext: current.slackSecretCiphertext, keyId: current.slackSecretKeyId };
    }
    const row = await upsertChannels(this.prisma, req.ownerId, {
      slackSecretCiphertext: sealed.ciphertext,
      slackSecretKeyId: sealed.keyId,
      slackTeamIds: slack?.teamIds ?? [],
      slackUserIds: slack?.userIds ?? [],
      discordApplicationId: discord?.applicationId ?? null,
      discordPublicKey: discord?.publicKey.toLowerCase() ?? null,
      discordGuildIds: discord?.guildIds ?? [],
      discordUserIds: discord?.userIds ?? [],
    });
    return { version: 1, channels: toView(row) };
  }

  async verify(req: RpcRequestOf<typeof OwnerChannelsVerifyRpc>): Promise<RpcResponseOf<typeof OwnerChannelsVerifyRpc>> {
    const row = await findById(this.prisma, req.channelsId);
    const refused = { version: 1 as const, verified: false as const };
    if (!row) return refused;
    let valid = false;
    if (req.platform === 'slack') {
      const secret = this.openSlackSecret(row);
      valid = secret !== null && slackSignatureValid(secret, req.timestamp, req.body, req.signature);
    } else if (row.discordPublicKey) {
      valid = discordSignatureValid(row.discordPublicKey, req.timestamp, req.body, req.signature);
    }
    return valid ? { version: 1, verified: true, ownerId: row.ownerId, channels: toView(row) } : refused;
  }

  private openSlackSecret(row: OwnerChannelsRow): string | null {
    if (!row.slackSecretCiphertext || !row.slackSecretKeyId || !this.box) return null;
    return this.box.open(row.slackSecretCiphertext, row.slackSecretKeyId, row.ownerId);
  }
}
