import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditListRpc, AuditVerifyRpc } from '@parley/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Auth } from '../auth/auth.decorators';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { sendAuditExport } from './audit-export.stream';
import {
  auditPageSchema,
  auditVerifyQuerySchema,
  auditVerifyResponseSchema,
  ownerAuditExportQuerySchema,
  ownerAuditListQuerySchema,
  toAuditEntryHttp,
  toAuditFilter,
  type OwnerAuditListQuery,
} from './dto/audit.schemas';

const VERIFY_TIMEOUT_MS = 120_000;

/** Which chains an owner's request reads: all, one tenant's, or the platform's. */
function ownerScope(tenantId: string | undefined) {
  if (tenantId === 'platform') return { scope: 'owner' as const, tenantId: null, platformOnly: true };
  return { scope: 'owner' as const, tenantId: tenantId ?? null };
}

/** The owner's audit trail across every tenant and the platform chain, and its verification. */
@ApiTags('admin')
@Controller('api/v1/admin/audit-log')
@Auth('owner')
export class AdminAuditLogController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({
    summary: 'Audit rows of every tenant (or one: tenant_id, or `platform`) newest first, by pages (`next_cursor`), with filters.',
  })
  @ApiResponse({ status: 200, standardSchema: auditPageSchema })
  @ApiResponse({ status: 400, description: 'Unknown parameter, bad filter, date or cursor (problem+json listing the fields).' })
  async list(@Query({ schema: ownerAuditListQuerySchema }) query: OwnerAuditListQuery) {
    const page = await this.rpc.call(AuditListRpc, {
      version: 1,
      ...ownerScope(query.tenant_id),
      filter: toAuditFilter(query),
      limit: query.limit,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    });
    return { items: page.items.map(toAuditEntryHttp), next_cursor: page.nextCursor };
  }

  @Get('export')
  @ApiOperation({ summary: 'Every matching row as JSON lines (application/x-ndjson), streamed; same filters as the listing.' })
  @ApiProduces('application/x-ndjson')
  @ApiResponse({ status: 200, description: 'One AuditEntry JSON object per line.' })
  @ApiResponse({ status: 400, description: 'Unknown parameter, bad filter or date (problem+json).' })
  async export(
    @Query({ schema: ownerAuditExportQuerySchema }) query: z.output<typeof ownerAuditExportQuerySchema>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendAuditExport(this.rpc, { version: 1, ...ownerScope(query.tenant_id), filter: toAuditFilter(query) }, reply);
  }

  @Get('verify')
  @ApiOperation({
    summary: "Walks every hash chain (or one tenant's), recomputing each row's hash; lists the first broken link of each chain.",
  })
  @ApiResponse({ status: 200, standardSchema: auditVerifyResponseSchema })
  @ApiResponse({ status: 400, description: 'Unknown parameter or bad tenant id (problem+json).' })
  async verify(@Query({ schema: auditVerifyQuerySchema }) query: z.output<typeof auditVerifyQuerySchema>) {
    const {
      version: _v,
      breaks,
      ...report
    } = await this.rpc.call(
      AuditVerifyRpc,
      { version: 1, ...(query.tenant_id !== undefined ? { tenantId: query.tenant_id } : {}) },
      { timeoutMs: VERIFY_TIMEOUT_MS },
    );
    return {
      ...report,
      breaks: breaks.map((b) => ({ chain_id: b.chainId, row_id: b.rowId, seq: b.seq, reason: b.reason, detail: b.detail })),
    };
  }
}
