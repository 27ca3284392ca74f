import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NotifierRuleDeleteRpc, NotifierRuleListRpc, NotifierRulePutRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { notifierCall } from './notifier-call.util';
import { toRuleHttp, toRuleInput } from './dto/rule.mapper';
import { deletedRuleSchema, ruleBodySchema, ruleIdParamSchema, ruleListSchema, ruleResultSchema, type RuleBody } from './dto/rules.schemas';
import { notifierActor, notifierScope } from './notifier-scope.util';

const RuleId = () => Param('id', { schema: ruleIdParamSchema });

/**
 * Notification rules: which kinds of notification (urgent callback, safety, handoff, ...) go to
 * which channels and inboxes, from what severity, with quiet hours and a daily digest. Same
 * callers as the channels; another scope's rule answers 404.
 */
@ApiTags('notifications')
@Controller('api/v1/notification-rules')
@Auth('api_key', 'staff', 'owner')
@StaffRoles('tenant_admin')
@RateLimited()
@ApiResponse({
  status: 400,
  description: 'Invalid body or id, or channels and users not of your tenant (problem+json listing the fields).',
})
export class NotificationRulesController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: 'Your rules; `defaults` is true while you have none and the built-in routing applies.' })
  @ApiResponse({ status: 200, standardSchema: ruleListSchema })
  async list(@CurrentPrincipal() principal: Principal) {
    const result = await notifierCall(this.rpc, NotifierRuleListRpc, { version: 1, tenantId: notifierScope(principal) });
    return { items: result.items.map(toRuleHttp), defaults: result.defaults };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a rule.' })
  @ApiResponse({ status: 201, standardSchema: ruleResultSchema })
  async create(@CurrentPrincipal() principal: Principal, @Body({ schema: ruleBodySchema }) body: RuleBody) {
    return this.put(principal, null, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a rule (omitted fields take their defaults).' })
  @ApiResponse({ status: 200, standardSchema: ruleResultSchema })
  @ApiResponse({ status: 404, description: 'No such rule (problem+json).' })
  async replace(@CurrentPrincipal() principal: Principal, @RuleId() ruleId: string, @Body({ schema: ruleBodySchema }) body: RuleBody) {
    return this.put(principal, ruleId, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a rule.' })
  @ApiResponse({ status: 200, standardSchema: deletedRuleSchema })
  @ApiResponse({ status: 404, description: 'No such rule (problem+json).' })
  async remove(@CurrentPrincipal() principal: Principal, @RuleId() ruleId: string) {
    const result = await notifierCall(this.rpc, NotifierRuleDeleteRpc, {
      version: 1,
      tenantId: notifierScope(principal),
      actor: notifierActor(principal),
      ruleId,
    });
    return { rule_id: result.ruleId };
  }

  private async put(principal: Principal, ruleId: string | null, body: RuleBody) {
    const result = await notifierCall(
      this.rpc,
      NotifierRulePutRpc,
      { version: 1, tenantId: notifierScope(principal), actor: notifierActor(principal), ruleId, rule: toRuleInput(body) },
      { bodyField: 'rule' },
    );
    return { rule: toRuleHttp(result.rule) };
  }
}
