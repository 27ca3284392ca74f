import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditListRpc } from '@parley/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantPrincipal } from '../tenant-principal.util';
import { sendAuditExport } from './audit-export.stream';
import {
  auditExportQuerySchema,
  auditListQuerySchema,
  auditPageSchema,
  toAuditEntryHttp,
  toAuditFilter,
  type AuditListQuery,
} from './dto/audit.schemas';

/** The caller's own tenant's audit trail: tenant admins only (the tenant comes from the token). */
@ApiTags('audit')
@Controller('api/v1/audit-log')
@Auth('staff')
@StaffRoles('tenant_admin')
export class AuditLogController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({
    summary: "The tenant's audit rows newest first, by pages (`next_cursor`); filter by action, actor, target or session, and time.",
  })
  @ApiResponse({ status: 200, standardSchema: auditPageSchema })
  @ApiResponse({ status: 400, description: 'Unknown parameter, bad filter, date or cursor (problem+json listing the fields).' })
  async list(@CurrentPrincipal() principal: Principal, @Query({ schema: auditListQuerySchema }) query: AuditListQuery) {
    const page = await this.rpc.call(AuditListRpc, {
      version: 1,
      scope: 'tenant',
      tenantId: tenantPrincipal(principal).tenantId,
      filter: toAuditFilter(query),
      limit: query.limit,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    });
    return { items: page.items.map(toAuditEntryHttp), next_cursor: page.nextCursor };
  }

  @Get('export')
  @ApiOperation({ summary: 'Every matching row as JSON lines (application/x-ndjson, one entry per line, newest first), streamed.' })
  @ApiProduces('application/x-ndjson')
  @ApiResponse({ status: 200, description: 'One AuditEntry JSON object per line.' })
  @ApiResponse({ status: 400, description: 'Unknown parameter, bad filter or date (problem+json).' })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: auditExportQuerySchema }) query: z.output<typeof auditExportQuerySchema>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const tenantId = tenantPrincipal(principal).tenantId;
    await sendAuditExport(this.rpc, { version: 1, scope: 'tenant', tenantId, filter: toAuditFilter(query) }, reply);
  }
}
