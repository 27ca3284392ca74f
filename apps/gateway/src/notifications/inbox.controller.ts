import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NotifierInboxListRpc, NotifierInboxMarkReadRpc } from '@parley/contracts';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { notifierCall } from './notifier-call.util';
import { toInboxItemHttp } from './dto/inbox.mapper';
import {
  inboxPageSchema,
  inboxQuerySchema,
  markReadBodySchema,
  markReadResultSchema,
  type InboxQuery,
  type MarkReadBody,
} from './dto/inbox.schemas';
import { inboxOwner } from './notifier-scope.util';

/**
 * The caller's own in-app inbox (tenant staff of any role, or the owner, whose inbox is in the
 * platform scope). Only ever the signed-in user's entries: the user id comes from the token.
 * API keys and session tokens have no user, hence no inbox (403).
 */
@ApiTags('notifications')
@Controller('api/v1/notifications')
@Auth('staff', 'owner')
export class InboxController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first, by pages (`next_cursor`), with the unread count.' })
  @ApiResponse({ status: 200, standardSchema: inboxPageSchema })
  @ApiResponse({ status: 400, description: 'Bad query parameters (problem+json listing them).' })
  async list(@CurrentPrincipal() principal: Principal, @Query({ schema: inboxQuerySchema }) query: InboxQuery) {
    const page = await notifierCall(this.rpc, NotifierInboxListRpc, {
      version: 1,
      ...inboxOwner(principal),
      unreadOnly: query.unread_only,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items.map(toInboxItemHttp), next_cursor: page.nextCursor, unread_count: page.unreadCount };
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark notifications read: the listed ones (`ids`) or all of them (`all: true`).' })
  @ApiResponse({ status: 200, standardSchema: markReadResultSchema })
  @ApiResponse({ status: 400, description: 'Neither or both of ids and all, or a bad id (problem+json listing the fields).' })
  async markRead(@CurrentPrincipal() principal: Principal, @Body({ schema: markReadBodySchema }) body: MarkReadBody) {
    const result = await notifierCall(this.rpc, NotifierInboxMarkReadRpc, {
      version: 1,
      ...inboxOwner(principal),
      ids: body.ids ?? [],
      all: body.all === true,
    });
    return { marked: result.marked, unread_count: result.unreadCount };
  }
}
