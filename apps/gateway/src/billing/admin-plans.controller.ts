import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PlanCreateRpc, PlanDeleteRpc, PlanGetRpc, PlanListRpc, PlanUpdateRpc, TenantPlanAssignRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { OwnerPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { withHttpPaths } from '../http/problem-paths.util';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { tenantIdParamSchema } from '../admin/admin.schemas';
import {
  assignPlanBodySchema,
  createPlanBodySchema,
  fromCreateBody,
  fromPatchBody,
  patchPlanBodySchema,
  PLAN_HTTP_NAMES,
  planAnswerSchema,
  planKeyParamSchema,
  planListAnswerSchema,
  tenantPlanAnswerSchema,
  toPlanAnswer,
  type AssignPlanBody,
  type CreatePlanBody,
  type PatchPlanBody,
} from './plans.schemas';

const PlanKey = () => Param('key', { schema: planKeyParamSchema });
const TenantId = () => Param('id', { schema: tenantIdParamSchema });

/**
 * The owner's billing plans (docs/adr/0025-plans-quotas-invoice-preview.md) and the plan each
 * tenant is on. Changes are audited by provisioning and drop the gateways' cached tenant
 * settings at once (evt.tenant.updated), so quotas follow a change within one request.
 */
@ApiTags('admin')
@Auth('owner')
@Controller('api/v1/admin')
export class AdminPlansController {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(TenantSettingsCache) private readonly settings: TenantSettingsCache,
  ) {}

  @Get('plans')
  @ApiOperation({ summary: 'Every billing plan, with how many tenants are on it.' })
  @ApiResponse({ status: 200, standardSchema: planListAnswerSchema })
  async list() {
    const result = await this.rpc.call(PlanListRpc, { version: 1 });
    return { items: result.items.map((plan) => toPlanAnswer(plan, plan.tenantCount)) };
  }

  @Post('plans')
  @HttpCode(201)
  @ApiOperation({ summary: 'Define a plan (money as decimal strings; null included amounts = unlimited). Audited.' })
  @ApiResponse({ status: 201, standardSchema: planAnswerSchema })
  @ApiResponse({ status: 409, description: 'The key is taken (problem+json).' })
  async create(@CurrentPrincipal() owner: OwnerPrincipal, @Body({ schema: createPlanBodySchema }) body: CreatePlanBody) {
    const result = await withHttpPaths(PLAN_HTTP_NAMES, 'plan', () =>
      this.rpc.call(PlanCreateRpc, { version: 1, actor: { type: 'owner', id: owner.userId }, plan: fromCreateBody(body) }),
    );
    return toPlanAnswer(result.plan, result.tenantCount);
  }

  @Get('plans/:key')
  @ApiOperation({ summary: 'One plan.' })
  @ApiResponse({ status: 200, standardSchema: planAnswerSchema })
  @ApiResponse({ status: 404, description: 'No such plan (problem+json).' })
  async get(@PlanKey() key: string) {
    const result = await this.rpc.call(PlanGetRpc, { version: 1, key });
    return toPlanAnswer(result.plan, result.tenantCount);
  }

  @Patch('plans/:key')
  @ApiOperation({ summary: "Change a plan's terms; every tenant on it follows at once. Audited." })
  @ApiResponse({ status: 200, standardSchema: planAnswerSchema })
  @ApiResponse({ status: 409, description: 'The providers would exclude one a tenant on the plan uses (problem+json).' })
  async update(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @PlanKey() key: string,
    @Body({ schema: patchPlanBodySchema }) body: PatchPlanBody,
  ) {
    const result = await withHttpPaths(PLAN_HTTP_NAMES, 'patch', () =>
      this.rpc.call(PlanUpdateRpc, { version: 1, actor: { type: 'owner', id: owner.userId }, key, patch: fromPatchBody(body) }),
    );
    return toPlanAnswer(result.plan, result.tenantCount);
  }

  @Delete('plans/:key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a plan no tenant is on. Audited.' })
  @ApiResponse({ status: 204, description: 'Deleted.' })
  @ApiResponse({ status: 409, description: 'Tenants are on the plan (problem+json).' })
  async delete(@CurrentPrincipal() owner: OwnerPrincipal, @PlanKey() key: string): Promise<void> {
    await this.rpc.call(PlanDeleteRpc, { version: 1, actor: { type: 'owner', id: owner.userId }, key });
  }

  @Put('tenants/:id/plan')
  @ApiOperation({ summary: 'Put a tenant on a plan (`plan_key` null: no plan, unlimited and not invoiced). Audited.' })
  @ApiResponse({ status: 200, standardSchema: tenantPlanAnswerSchema })
  @ApiResponse({ status: 404, description: 'No such tenant or plan (problem+json).' })
  @ApiResponse({ status: 409, description: "The tenant's model configuration uses a provider the plan excludes (problem+json)." })
  async assign(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @TenantId() tenantId: string,
    @Body({ schema: assignPlanBodySchema }) body: AssignPlanBody,
  ) {
    const result = await withHttpPaths(PLAN_HTTP_NAMES, null, () =>
      this.rpc.call(TenantPlanAssignRpc, { version: 1, actor: { type: 'owner', id: owner.userId }, tenantId, planKey: body.plan_key }),
    );
    // This replica follows at once; the others when evt.tenant.updated reaches them.
    this.settings.invalidate(tenantId);
    return { tenant_id: result.tenantId, plan: result.plan ? toPlanAnswer(result.plan) : null };
  }
}
