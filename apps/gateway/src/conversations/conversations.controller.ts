import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ChatConversationGetRpc, ChatConversationListRpc, SessionSummaryGetRpc, type SessionSummaryView } from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { ProblemException } from '../http/problem.exception';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { tenantPrincipal } from '../tenant-principal.util';
import {
  conversationDetailSchema,
  conversationIdParamSchema,
  conversationPageSchema,
  conversationQuerySchema,
  listConversationsQuerySchema,
} from './conversations.schemas';

/**
 * Visitor conversations of the caller's own tenant for its staff (any role) and its backend
 * (API key): sessions and transcripts from chat, the L2 summary from tenant-intelligence.
 * Another tenant's session id answers 404, like an unknown one.
 */
@ApiTags('conversations')
@Controller('api/v1/conversations')
@Auth('api_key', 'staff')
@RateLimited()
export class ConversationsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @ApiOperation({
    summary:
      'Conversations newest first (by start), with contact, latest signals and whether an L2 summary exists; filters by status, start time, contact and signal; by pages (`next_cursor`).',
  })
  @ApiResponse({ status: 200, standardSchema: conversationPageSchema })
  @ApiResponse({ status: 400, description: 'Bad filter or cursor, or since not before until (problem+json).' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: listConversationsQuerySchema }) query: z.output<typeof listConversationsQuerySchema>,
  ) {
    const page = await this.rpc.call(ChatConversationListRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      status: query.status,
      since: query.since,
      until: query.until,
      contactId: query.contact_id,
      signal: query.signal,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items, next_cursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One conversation: the session, its transcript (user, assistant and staff messages with their signals) and its L2 summary if any.',
  })
  @ApiResponse({ status: 200, standardSchema: conversationDetailSchema })
  @ApiResponse({ status: 404, description: 'No such conversation for this tenant (problem+json).' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: conversationIdParamSchema }) id: string,
    @Query({ schema: conversationQuerySchema }) query: z.output<typeof conversationQuerySchema>,
  ) {
    const tenantId = tenantPrincipal(principal).tenantId;
    const found = await this.rpc.call(ChatConversationGetRpc, {
      version: 1,
      tenantId,
      sessionId: id,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    const summary = found.conversation.hasSummary ? await this.summary(tenantId, id) : null;
    return { conversation: found.conversation, messages: found.messages, next_cursor: found.nextCursor, summary };
  }

  /** The L2 summary as GET /api/v1/sessions/:id/summary reads it; null if it is not there (yet). */
  private async summary(tenantId: string, sessionId: string): Promise<SessionSummaryView | null> {
    try {
      return (await this.rpc.call(SessionSummaryGetRpc, { version: 1, tenantId, sessionId })).summary;
    } catch (error) {
      if (error instanceof ProblemException && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
