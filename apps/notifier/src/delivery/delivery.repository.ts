import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_TENANT_ID } from '@parley/contracts';
import { PrismaService, type PrismaClient, type TenantTx } from '@parley/persistence';
import type { ChannelKind } from '../channels/channel.types';

export interface ClaimedDelivery {
  id: string;
  tenantId: string;
}

/** Everything one send needs, read in the scope's transaction. */
export interface DeliveryToSend {
  id: string;
  tenantId: string;
  status: string;
  attempts: number;
  /** The lease this send holds: every write of its outcome is conditional on it (a fencing token). */
  lockedUntil: Date | null;
  channelKind: ChannelKind;
  channelId: string | null;
  recipientUserId: string | null;
  createdAt: Date;
  notification: {
    id: string;
    kind: string;
    severity: string;
    title: string;
    body: string;
    link: string | null;
    occurredAt: Date;
    data: unknown;
    /** The event it came from (`action.requested` carries an action outcome). */
    source: string;
  };
  channel: {
    id: string;
    kind: string;
    enabled: boolean;
    target: string | null;
    config: unknown;
    secretCiphertext: Uint8Array | null;
    secretKeyId: string | null;
    previousSecretCiphertext: Uint8Array | null;
    previousSecretKeyId: string | null;
    previousSecretExpiresAt: Date | null;
  } | null;
  scopeName: string;
}

export interface SendOutcome {
  latencyMs: number;
  statusCode: number | null;
  error: string | null;
}

/** The delivery queue: claims across scopes (SECURITY DEFINER), everything else under RLS. */
@Injectable()
export class DeliveryRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaClient) {}

  /** Leases up to `batch` due deliveries (pending and due, or sending with an expired lease). */
  async claim(batch: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await this.prisma.$queryRaw<
      Array<{ id: string; tenant_id: string }>
    >`SELECT id, tenant_id FROM claim_notification_deliveries(${batch}::integer, ${leaseMs}::integer)`;
    return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
  }

  async load(tx: TenantTx, id: string): Promise<DeliveryToSend | null> {
    const row = await tx.notificationDelivery.findUnique({
      where: { id },
      include: { notification: true, channel: true },
    });
    if (!row) return null;
    const scopeName =
      row.tenantId === PLATFORM_TENANT_ID
        ? 'Parley'
        : ((await tx.tenant.findUnique({ where: { id: row.tenantId }, select: { displayName: true } }))?.displayName ?? 'Parley');
    return {
      id: row.id,
      tenantId: row.tenantId,
      status: row.status,
      attempts: row.attempts,
      lockedUntil: row.lockedUntil,
      channelKind: row.channelKind,
      channelId: row.channelId,
      recipientUserId: row.recipientUserId,
      createdAt: row.createdAt,
      notification: {
        id: row.notification.id,
        kind: row.notification.kind,
        severity: row.notification.severity,
        title: row.notification.title,
        body: row.notification.body,
        link: row.notification.link,
        occurredAt: row.notification.occurredAt,
        data: row.notification.data,
        source: row.notification.source,
      },
      channel: row.channel,
      scopeName,
    };
  }

  /**
   * Only a delivery still under this send's lease ('sending' with the same `locked_until`)
   * changes: a late writer whose lease ran out and was taken by another sender does nothing.
   */
  async markDelivered(tx: TenantTx, id: string, lease: Date | null, attempts: number, outcome: SendOutcome): Promise<boolean> {
    const updated = await tx.notificationDelivery.updateMany({
      where: { id, status: 'sending', lockedUntil: lease },
      data: {
        status: 'delivered',
        attempts,
        deliveredAt: new Date(),
        lockedUntil: null,
        latencyMs: outcome.latencyMs,
        lastStatusCode: outcome.statusCode,
        lastError: null,
      },
    });
    return updated.count === 1;
  }

  async markRetry(
    tx: TenantTx,
    id: string,
    lease: Date | null,
    attempts: number,
    nextAttemptAt: Date,
    outcome: SendOutcome,
  ): Promise<void> {
    await tx.notificationDelivery.updateMany({
      where: { id, status: 'sending', lockedUntil: lease },
      data: {
        status: 'pending',
        attempts,
        nextAttemptAt,
        lockedUntil: null,
        latencyMs: outcome.latencyMs,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error?.slice(0, 1000),
      },
    });
  }

  async markDead(tx: TenantTx, id: string, lease: Date | null, attempts: number, outcome: SendOutcome): Promise<boolean> {
    const updated = await tx.notificationDelivery.updateMany({
      where: { id, status: 'sending', lockedUntil: lease },
      data: {
        status: 'dead',
        attempts,
        lockedUntil: null,
        latencyMs: outcome.latencyMs,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error?.slice(0, 1000),
      },
    });
    return updated.count === 1;
  }

  /**
   * Replaces a channel's sealed secret (current or previous) with the same secret sealed again
   * (bound to the channel, active key), only if the row still holds `was`: a rotation or an
   * update in between wins. Returns whether it was written.
   */
  async resealSecret(
    tx: TenantTx,
    channelId: string,
    slot: 'current' | 'previous',
    was: Uint8Array,
    sealed: { ciphertext: Uint8Array<ArrayBuffer>; keyId: string },
  ): Promise<boolean> {
    const updated =
      slot === 'current'
        ? await tx.notificationChannel.updateMany({
            where: { id: channelId, secretCiphertext: { equals: new Uint8Array(was) } },
            data: { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId },
          })
        : await tx.notificationChannel.updateMany({
            where: { id: channelId, previousSecretCiphertext: { equals: new Uint8Array(was) } },
            data: { previousSecretCiphertext: sealed.ciphertext, previousSecretKeyId: sealed.keyId },
          });
    return updated.count === 1;
  }

  /** The channel's breaker is open: wait without spending an attempt. */
  async defer(tx: TenantTx, id: string, lease: Date | null, until: Date): Promise<void> {
    await tx.notificationDelivery.updateMany({
      where: { id, status: 'sending', lockedUntil: lease },
      data: { status: 'pending', nextAttemptAt: until, lockedUntil: null, lastError: 'circuit open: the channel keeps failing' },
    });
  }
}
