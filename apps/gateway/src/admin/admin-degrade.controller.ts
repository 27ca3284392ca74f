import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ChatDegradeStatusRpc, DegradeGetRpc, DegradeSetRpc, type ChatDegradeStatus } from '@parley/contracts';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { OwnerPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantIdParamSchema } from './admin.schemas';
import {
  degradeAnswerSchema,
  degradeBodySchema,
  fromHttpSwitches,
  globalAnswer,
  tenantAnswer,
  type DegradeAnswer,
  type DegradeBody,
} from './admin-degrade.schemas';

/** Chat's automatic state is informative: a slow or absent chat must not hold the owner's page. */
const CHAT_STATUS_TIMEOUT_MS = 2000;
const TenantId = () => Param('id', { schema: tenantIdParamSchema });

/**
 * The owner's degrade switches (docs/adr/0022-degrade-switches.md, docs/runbooks/degrade.md):
 * platform-wide and per tenant, with chat's automatic overload mode beside them. Changes are
 * audited by provisioning and reach every chat replica at once (evt.tenant.updated).
 */
@ApiTags('admin')
@Auth('owner')
@Controller('api/v1/admin')
export class AdminDegradeController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('degrade')
  @ApiOperation({
    summary: "The platform's degrade switches, chat's automatic ones, the union in effect and the tenants degraded on their own.",
  })
  @ApiResponse({ status: 200, standardSchema: degradeAnswerSchema })
  async getGlobal(): Promise<DegradeAnswer> {
    const [state, automatic] = await Promise.all([this.rpc.call(DegradeGetRpc, { version: 1, tenantId: null }), this.automatic()]);
    return globalAnswer(state.setting, state.degradedTenants ?? [], automatic);
  }

  @Put('degrade')
  @ApiOperation({ summary: "Replace the platform's degrade switches (a switch left out is off). Audited." })
  @ApiResponse({ status: 200, standardSchema: degradeAnswerSchema })
  async putGlobal(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @Body({ schema: degradeBodySchema }) body: DegradeBody,
  ): Promise<DegradeAnswer> {
    const state = await this.rpc.call(DegradeSetRpc, {
      version: 1,
      actor: { type: 'owner', id: owner.userId },
      tenantId: null,
      switches: fromHttpSwitches(body.switches),
      reason: body.reason,
    });
    return globalAnswer(state.setting, state.degradedTenants ?? [], await this.automatic());
  }

  @Get('tenants/:id/degrade')
  @ApiOperation({
    summary: "A tenant's own degrade switches, the platform's, chat's automatic ones and the union in effect for its turns.",
  })
  @ApiResponse({ status: 200, standardSchema: degradeAnswerSchema })
  @ApiResponse({ status: 404, description: 'No such tenant (problem+json).' })
  async getTenant(@TenantId() tenantId: string): Promise<DegradeAnswer> {
    const [state, global, automatic] = await Promise.all([
      this.rpc.call(DegradeGetRpc, { version: 1, tenantId }),
      this.rpc.call(DegradeGetRpc, { version: 1, tenantId: null }),
      this.automatic(),
    ]);
    return tenantAnswer(state.setting, global.setting, automatic);
  }

  @Put('tenants/:id/degrade')
  @ApiOperation({ summary: "Replace a tenant's own degrade switches (a switch left out is off). Audited." })
  @ApiResponse({ status: 200, standardSchema: degradeAnswerSchema })
  @ApiResponse({ status: 404, description: 'No such tenant (problem+json).' })
  async putTenant(
    @CurrentPrincipal() owner: OwnerPrincipal,
    @TenantId() tenantId: string,
    @Body({ schema: degradeBodySchema }) body: DegradeBody,
  ): Promise<DegradeAnswer> {
    const state = await this.rpc.call(DegradeSetRpc, {
      version: 1,
      actor: { type: 'owner', id: owner.userId },
      tenantId,
      switches: fromHttpSwitches(body.switches),
      reason: body.reason,
    });
    const [global, automatic] = await Promise.all([this.rpc.call(DegradeGetRpc, { version: 1, tenantId: null }), this.automatic()]);
    return tenantAnswer(state.setting, global.setting, automatic);
  }

  /** The answering chat replica's automatic mode, or null when chat does not answer in time. */
  private async automatic(): Promise<ChatDegradeStatus | null> {
    try {
      return await this.rpc.call(ChatDegradeStatusRpc, { version: 1 }, { timeoutMs: CHAT_STATUS_TIMEOUT_MS });
    } catch {
      return null;
    }
  }
}
