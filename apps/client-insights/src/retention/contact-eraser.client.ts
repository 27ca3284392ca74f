import { Injectable } from '@nestjs/common';
import { ContactEraseRpc } from '@parley/contracts';
import { RpcClient, RpcError } from '@parley/messaging';

/** An erasure rewrites every message of the contact's sessions: longer than an ordinary call. */
const ERASE_TIMEOUT_MS = 30_000;

/**
 * Erases a contact the way the CRM does on a right-to-erasure request (tenant-intelligence owns
 * what erasure means: the contact row, pseudonymized messages, scrubbed summaries, interactions
 * and aggregates, an audit row). Used by the retention job for tenants whose policy lets
 * contacts go with their messages.
 */
export abstract class ContactEraser {
  /** Resolves once the contact is gone (also when it was already gone). */
  abstract erase(tenantId: string, contactId: string): Promise<void>;
}

/** Over the CRM's RPC (`ContactEraseRpc`), as the system. */
@Injectable()
export class RpcContactEraser extends ContactEraser {
  constructor(private readonly rpc: RpcClient) {
    super();
  }

  async erase(tenantId: string, contactId: string): Promise<void> {
    try {
      await this.rpc.request(
        ContactEraseRpc,
        { version: 1, actor: { type: 'system', id: null }, tenantId, contactId },
        { timeoutMs: ERASE_TIMEOUT_MS },
      );
    } catch (err) {
      // Erased or merged meanwhile (a staff request, another replica's run): nothing left to do.
      if (err instanceof RpcError && err.code === 'NOT_FOUND') return;
      throw err;
    }
  }
}
