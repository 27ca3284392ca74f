import { Inject, Injectable } from '@nestjs/common';
import type { ExternalChannelKind } from '@parley/contracts';
import { PrismaService, type PrismaClient, type TenantTx } from '@parley/persistence';

export interface HeldItem {
  id: string;
  channelId: string;
  channelKind: ExternalChannelKind;
  title: string;
  severity: string;
  link: string | null;
  occurredAt: Date;
}

/** Held (digest) deliveries whose digest time has come, and the digest that replaces them. */
@Injectable()
export class DigestRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaClient) {}

  /** Scopes holding deliveries (SECURITY DEFINER: ids only, the rest is read under RLS). */
  async scopesWithHeld(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<Array<{ tenant_id: string }>>`SELECT tenant_id FROM notification_scopes_with_held()`;
    return rows.map((r) => r.tenant_id);
  }

  /** Locks the due held deliveries of the scope (another replica skips them). */
  async lockDue(tx: TenantTx, now: Date): Promise<HeldItem[]> {
    const rows = await tx.$queryRaw<
      Array<{
        id: string;
        channel_id: string;
        channel_kind: HeldItem['channelKind'];
        title: string;
        severity: string;
        link: string | null;
        occurred_at: Date;
      }>
    >`
      SELECT d.id, d.channel_id, d.channel_kind::text AS channel_kind, n.title, n.severity, n.link, n.occurred_at
        FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE d.status = 'held' AND d.next_attempt_at <= ${now} AND d.channel_id IS NOT NULL
       ORDER BY n.occurred_at
       FOR UPDATE OF d SKIP LOCKED`;
    return rows.map((r) => ({
      id: r.id,
      channelId: r.channel_id,
      channelKind: r.channel_kind,
      title: r.title,
      severity: r.severity,
      link: r.link,
      occurredAt: r.occurred_at,
    }));
  }

  async createDigest(
    tx: TenantTx,
    scope: string,
    digest: {
      id: string;
      severity: string;
      title: string;
      body: string;
      items: HeldItem[];
      channelId: string;
      channelKind: HeldItem['channelKind'];
      now: Date;
    },
  ): Promise<void> {
    await tx.notification.create({
      data: {
        id: digest.id,
        tenantId: scope,
        kind: 'system',
        severity: digest.severity,
        title: digest.title,
        body: digest.body,
        link: null,
        source: 'digest',
        occurredAt: digest.now,
        data: {
          items: digest.items.map((i) => ({ title: i.title, severity: i.severity, link: i.link, occurredAt: i.occurredAt.toISOString() })),
        },
      },
    });
    await tx.notificationDelivery.create({
      data: {
        tenantId: scope,
        notificationId: digest.id,
        channelId: digest.channelId,
        channelKind: digest.channelKind,
        targetKey: `channel:${digest.channelId}`,
      },
    });
    await tx.notificationDelivery.updateMany({
      where: { id: { in: digest.items.map((i) => i.id) } },
      data: { status: 'digested', digestId: digest.id },
    });
  }
}
