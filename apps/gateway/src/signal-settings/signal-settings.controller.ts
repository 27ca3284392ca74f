import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TenantSignalsGetRpc, TenantSignalsSetRpc, type SignalSettingsReply } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { actorOf, tenantPrincipal } from '../tenant-principal.util';
import { signalSettingsAnswerSchema, signalSettingsBodySchema, type SignalSettingsBody } from './dto/signal-settings.schemas';

const answer = ({ settings, valid, defaults }: SignalSettingsReply) => ({ settings, valid, defaults });

/**
 * The tenant's tuning of its L1a signals (docs/signals.md, "Per-tenant thresholds"): every staff
 * role and the API key read it; tenant admins and the API key replace it (provisioning validates,
 * stores it in tenants.signal_rules, audits and emits evt.tenant.updated). Chat reads the stored
 * settings on the next turn.
 */
@ApiTags('settings')
@Controller('api/v1/settings/signals')
@Auth('api_key', 'staff')
@RateLimited()
export class SignalSettingsController {
  constructor(private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: "The tenant's signal settings (rule extension and classifier options) and the model's default thresholds." })
  @ApiResponse({ status: 200, standardSchema: signalSettingsAnswerSchema })
  async get(@CurrentPrincipal() principal: Principal) {
    return answer(await this.rpc.call(TenantSignalsGetRpc, { version: 1, tenantId: tenantPrincipal(principal).tenantId }));
  }

  @Put()
  @StaffRoles('tenant_admin')
  @ApiOperation({ summary: 'Replace the signal settings (tenant_admin or API key); audited; used from the next turn.' })
  @ApiResponse({ status: 200, standardSchema: signalSettingsAnswerSchema })
  @ApiResponse({ status: 400, description: 'Invalid fields, listed by path (problem+json); nothing is stored.' })
  async put(@CurrentPrincipal() principal: Principal, @Body({ schema: signalSettingsBodySchema }) settings: SignalSettingsBody) {
    const caller = tenantPrincipal(principal);
    return answer(await this.rpc.call(TenantSignalsSetRpc, { version: 1, actor: actorOf(caller), tenantId: caller.tenantId, settings }));
  }
}
