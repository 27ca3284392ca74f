import { Injectable } from '@nestjs/common';
import { ChatSessionGetRpc } from '@parley/contracts';
import { GatewayRpc } from '../../http/gateway-rpc.client';
import { problems } from '../../http/problem.exception';
import { authProblems } from '../auth-problems.mapper';
import type { IdpUserPrincipal } from '../principal.types';

/** Sessions remembered with their owner (a session's external user id never changes). */
const MAX_ENTRIES = 10_000;

/**
 * An end user of an external identity provider chats in, and reads, only the sessions opened
 * with their own identity (chat_sessions.external_user_id = `idp:<providerId>:<sub>`, set by
 * POST /api/v1/sessions). The owner of a session is read once through chat's ChatSessionGetRpc
 * and remembered (it never changes). Another user's session: 403 SESSION_MISMATCH; no such
 * session for the tenant: 404.
 */
@Injectable()
export class IdpSessionBinding {
  private readonly owners = new Map<string, string | null>();

  constructor(private readonly rpc: GatewayRpc) {}

  /** The session the request names; an end-user token must name one. */
  requireSessionId(requested: string | undefined): string {
    if (requested === undefined) {
      throw problems.validation(
        [{ path: 'session_id', message: "is required with an end-user token of the tenant's identity provider" }],
        'The request has invalid or missing fields.',
      );
    }
    return requested;
  }

  async assertOwned(principal: IdpUserPrincipal, sessionId: string): Promise<void> {
    const key = `${principal.tenantId}:${sessionId}`;
    let owner = this.owners.get(key);
    if (owner === undefined) {
      const { session } = await this.rpc.call(ChatSessionGetRpc, { version: 1, tenantId: principal.tenantId, sessionId });
      owner = session.externalUserId;
      if (this.owners.size >= MAX_ENTRIES) {
        const oldest = this.owners.keys().next();
        if (!oldest.done) this.owners.delete(oldest.value);
      }
      this.owners.set(key, owner);
    }
    if (owner !== principal.externalUserId) throw authProblems.sessionMismatch();
  }
}
