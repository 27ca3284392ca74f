import { Injectable } from '@nestjs/common';
import { isRecordNotFound, isUniqueViolation, type NotificationChannelModel, type Prisma, type TenantTx } from '@parley/persistence';
import { NotifierError } from '../common/notifier.error';

export type ChannelRow = NotificationChannelModel;

export interface ChannelWrite {
  name?: string;
  enabled?: boolean;
  target?: string;
  config?: Prisma.InputJsonObject;
  secretCiphertext?: Uint8Array<ArrayBuffer> | null;
  secretKeyId?: string | null;
  previousSecretCiphertext?: Uint8Array<ArrayBuffer> | null;
  previousSecretKeyId?: string | null;
  previousSecretExpiresAt?: Date | null;
}

const nameTaken = () =>
  new NotifierError('CONFLICT', 'a channel with this name exists', {
    issues: [{ path: 'name', code: 'conflict', message: 'a channel with this name exists' }],
  });

/** notification_channels of one scope (inbox is built in and has no rows). */
@Injectable()
export class ChannelRepository {
  list(tx: TenantTx, scope: string): Promise<ChannelRow[]> {
    return tx.notificationChannel.findMany({
      where: { tenantId: scope, kind: { not: 'inbox' } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  async get(tx: TenantTx, scope: string, id: string): Promise<ChannelRow> {
    const row = await tx.notificationChannel.findFirst({ where: { id, tenantId: scope, kind: { not: 'inbox' } } });
    if (!row) throw NotifierError.notFound('channel');
    return row;
  }

  /** Ids of the scope's channels among `ids` (for rule validation). */
  async existing(tx: TenantTx, scope: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await tx.notificationChannel.findMany({ where: { tenantId: scope, id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  async create(
    tx: TenantTx,
    scope: string,
    kind: ChannelRow['kind'],
    data: Required<Pick<ChannelWrite, 'name' | 'enabled' | 'target' | 'config'>> & ChannelWrite & { id: string },
  ): Promise<ChannelRow> {
    try {
      return await tx.notificationChannel.create({ data: { tenantId: scope, kind, ...data } });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }

  async update(tx: TenantTx, id: string, data: ChannelWrite): Promise<ChannelRow> {
    try {
      return await tx.notificationChannel.update({ where: { id }, data });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      if (isRecordNotFound(error)) throw NotifierError.notFound('channel');
      throw error;
    }
  }

  /** NOT_FOUND when another request deleted it first. */
  async remove(tx: TenantTx, id: string): Promise<void> {
    const { count } = await tx.notificationChannel.deleteMany({ where: { id } });
    if (count === 0) throw NotifierError.notFound('channel');
  }
}
