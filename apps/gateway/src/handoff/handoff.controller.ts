import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ChatHandBackRpc, ChatHandoffListRpc, ChatStaffReplyRpc } from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { StaffPrincipal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import {
  handBackResultSchema,
  handoffListQuerySchema,
  handoffPageSchema,
  sessionIdParamSchema,
  staffReplyResultSchema,
  staffReplySchema,
} from './handoff.schemas';

/**
 * Human handoff for tenant staff: the sessions waiting for a person, replying into a session
 * as a person (stored as a `staff` message, delivered live to the visitor's
 * /api/v1/chat/stream and history), and handing the session back to the bot.
 */
@ApiTags('handoff')
@Controller('api/v1/handoff/sessions')
@Auth('staff')
export class HandoffController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: 'Open sessions that need a person, longest-waiting first.' })
  @ApiResponse({ status: 200, standardSchema: handoffPageSchema })
  async list(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Query({ schema: handoffListQuerySchema }) query: z.output<typeof handoffListQuerySchema>,
  ) {
    const result = await this.rpc.call(ChatHandoffListRpc, { version: 1, tenantId: staff.tenantId, limit: query.limit });
    return { items: result.items };
  }

  @Post(':id/reply')
  @HttpCode(201)
  @ApiOperation({ summary: 'Reply into a session as a person; the bot stays quiet until the session is handed back.' })
  @ApiResponse({ status: 201, standardSchema: staffReplyResultSchema })
  @ApiResponse({ status: 404, description: 'No such session for this tenant (problem+json).' })
  @ApiResponse({ status: 409, description: 'The session is closed (problem+json).' })
  async reply(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param('id', { schema: sessionIdParamSchema }) sessionId: string,
    @Body({ schema: staffReplySchema }) body: z.output<typeof staffReplySchema>,
  ) {
    const result = await this.rpc.call(ChatStaffReplyRpc, {
      version: 1,
      tenantId: staff.tenantId,
      sessionId,
      staffUserId: staff.userId,
      content: body.content,
    });
    return { message: result.message };
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the session back to the bot (mode bot, needs_human cleared).' })
  @ApiResponse({ status: 200, standardSchema: handBackResultSchema })
  @ApiResponse({ status: 404, description: 'No such session for this tenant (problem+json).' })
  async release(@CurrentPrincipal() staff: StaffPrincipal, @Param('id', { schema: sessionIdParamSchema }) sessionId: string) {
    const result = await this.rpc.call(ChatHandBackRpc, { version: 1, tenantId: staff.tenantId, sessionId, staffUserId: staff.userId });
    return { session: result.session };
  }
}
