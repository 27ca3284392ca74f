import { Inject, Injectable } from '@nestjs/common';
import {
  toolFailureSchema,
  type RpcRequestOf,
  type RpcResponseOf,
  type ToolExecutionListRpc,
  type ToolExecutionView,
} from '@parley/contracts';
import { TenantDb, toListPage } from '@parley/persistence';
import { ChatError } from '../common/chat.errors';
import { listToolExecutions, type ToolExecutionRow } from './tool-executions.repository';

/** The tenant's log of tool calls (kept 90 days by the retention job), newest first. */
@Injectable()
export class ToolExecutionsService {
  constructor(@Inject(TenantDb) private readonly db: TenantDb) {}

  async list(req: RpcRequestOf<typeof ToolExecutionListRpc>): Promise<RpcResponseOf<typeof ToolExecutionListRpc>> {
    const rows = await this.db.run(req.tenantId, (tx) =>
      listToolExecutions(tx, {
        tenantId: req.tenantId,
        cursor: req.cursor,
        limit: req.limit + 1,
        ...(req.sessionId ? { sessionId: req.sessionId } : {}),
        ...(req.toolKey ? { toolKey: req.toolKey } : {}),
      }),
    );
    if (!rows) throw new ChatError('VALIDATION', 'the cursor is not one this list gave');
    const page = toListPage(rows, req.limit);
    return { version: 1, items: page.items.map(toView), nextCursor: page.nextCursor };
  }
}

function toView(row: ToolExecutionRow): ToolExecutionView {
  const failure = toolFailureSchema.safeParse(row.failure);
  const input = row.input && typeof row.input === 'object' && !Array.isArray(row.input) ? (row.input as Record<string, unknown>) : {};
  return {
    id: row.id,
    sessionId: row.sessionId,
    messageId: row.messageId,
    toolKey: row.toolKey,
    integrationId: row.integrationId,
    status: row.status,
    failure: failure.success ? failure.data : null,
    error: row.error,
    cacheHit: row.cacheHit,
    latencyMs: row.latencyMs,
    input,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
