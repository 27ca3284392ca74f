import { Injectable } from '@nestjs/common';
import type { ChatSessionCloseRpc, ChatSessionCreateRpc, ChatSessionGetRpc, ChatSessionView, RpcRequestOf } from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { ChatError } from '../common/chat.errors';
import { findTenantStatus } from '../common/tenant-registry.repository';
import { enqueueSessionClosed } from './session-closed.event';
import { toSessionView } from './session.mapper';
import { closeIfOpen, findSession, insertSession, readSession } from './session.repository';

/** Create, read and close chat sessions (chat.session.* RPCs). */
@Injectable()
export class SessionService {
  constructor(private readonly db: TenantDb) {}

  /** Opens a session for an active tenant (unknown tenant: NOT_FOUND; deactivated: FORBIDDEN). */
  async create(request: RpcRequestOf<typeof ChatSessionCreateRpc>): Promise<ChatSessionView> {
    const row = await this.db.run(request.tenantId, async (tx) => {
      // `tenants` has no RLS; reading it in the transaction costs no extra connection.
      const status = await findTenantStatus(tx, request.tenantId);
      if (status === null) throw new ChatError('NOT_FOUND', `tenant ${request.tenantId} not found`);
      if (status !== 'active') throw new ChatError('FORBIDDEN', 'tenant is deactivated');
      return insertSession(tx, {
        tenantId: request.tenantId,
        externalUserId: request.externalUserId ?? null,
        channel: request.channel,
        origin: request.origin ?? null,
        metadata: request.metadata ?? {},
        customer: request.customer ?? null,
      });
    });
    return toSessionView(row);
  }

  /** One statement (readSession), not an interactive transaction; another tenant's session is NOT_FOUND as an unknown one. */
  async get(request: RpcRequestOf<typeof ChatSessionGetRpc>): Promise<ChatSessionView> {
    const row = await readSession(this.db, request.tenantId, request.sessionId);
    if (!row) throw ChatError.sessionNotFound(request.sessionId);
    return toSessionView(row);
  }

  /** Idempotent: the first close writes evt.chat.session_closed in the same transaction; later ones return the session unchanged. */
  async close(request: RpcRequestOf<typeof ChatSessionCloseRpc>): Promise<ChatSessionView> {
    const row = await this.db.run(request.tenantId, async (tx) => {
      const closed = await closeIfOpen(tx, request.sessionId, 'client');
      if (closed) {
        await enqueueSessionClosed(tx, closed, 'client');
        return closed;
      }
      return findSession(tx, request.sessionId);
    });
    if (!row) throw ChatError.sessionNotFound(request.sessionId);
    return toSessionView(row);
  }
}
