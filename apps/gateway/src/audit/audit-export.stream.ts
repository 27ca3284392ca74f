import { Readable } from 'node:stream';
import { AUDIT_PAGE_MAX, AuditListRpc, type AuditEntryView, type RpcRequestOf } from '@parley/contracts';
import type { FastifyReply } from 'fastify';
import type { GatewayRpc } from '../http/gateway-rpc.client';
import { toAuditEntryHttp } from './dto/audit.schemas';

type ListRequest = Omit<RpcRequestOf<typeof AuditListRpc>, 'limit' | 'cursor'>;

/**
 * Sends every row matching `request` as JSON lines (one snake_case entry per line, newest first),
 * page by page as client-insights serves them. The first page is fetched before the answer
 * starts, so a refused request is still a problem+json answer; a failure later ends the stream
 * early (the client sees a truncated body, never a mixed one).
 */
export async function sendAuditExport(rpc: GatewayRpc, request: ListRequest, reply: FastifyReply): Promise<void> {
  const first = await rpc.call(AuditListRpc, { ...request, limit: AUDIT_PAGE_MAX });
  async function* lines(): AsyncGenerator<string> {
    let page: { items: AuditEntryView[]; nextCursor: string | null } = first;
    for (;;) {
      if (page.items.length > 0) yield page.items.map((e) => `${JSON.stringify(toAuditEntryHttp(e))}\n`).join('');
      if (page.nextCursor === null) return;
      page = await rpc.call(AuditListRpc, { ...request, limit: AUDIT_PAGE_MAX, cursor: page.nextCursor });
    }
  }
  void reply
    .status(200)
    .header('content-type', 'application/x-ndjson; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-disposition', 'attachment; filename="audit-log.ndjson"')
    .send(Readable.from(lines()));
}
