import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ContactEraseRpc,
  ContactExportRpc,
  ContactGetRpc,
  ContactListRpc,
  ContactMergeRpc,
  InteractionListRpc,
  SessionSummaryGetRpc,
} from '@parley/contracts';
import type { z } from 'zod';
import { Auth, CurrentPrincipal, RateLimited, StaffRoles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal.types';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { problems } from '../http/problem.exception';
import { actorOf, tenantPrincipal } from '../tenant-principal.util';
import {
  contactDetailSchema,
  contactPageSchema,
  erasedContactSchema,
  idParamSchema,
  interactionPageSchema,
  listContactsQuerySchema,
  listInteractionsQuerySchema,
  mergeContactBodySchema,
  mergedContactSchema,
  sessionSummarySchema,
  type MergeContactBody,
} from './dto/crm.schemas';

/**
 * The tenant's CRM, filled by tenant-intelligence: contacts, interactions and session
 * summaries. Tenant staff (JWT) or the tenant's backend (API key); always only the caller's
 * own tenant, whatever ids are asked for (another tenant's id answers 404).
 */
@ApiTags('crm')
@Controller('api/v1')
@Auth('api_key', 'staff')
@RateLimited()
export class CrmController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('contacts')
  @ApiOperation({ summary: 'Contacts, most recently seen first, with search and filters, by pages (`next_cursor`).' })
  @ApiResponse({ status: 200, standardSchema: contactPageSchema })
  async listContacts(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: listContactsQuerySchema }) query: z.output<typeof listContactsQuerySchema>,
  ) {
    const page = await this.rpc.call(ContactListRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      search: query.search,
      intent: query.intent,
      lead: query.lead,
      seenSince: query.seen_since,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items, next_cursor: page.nextCursor };
  }

  @Get('contacts/:id')
  @ApiOperation({ summary: 'One contact with where each field came from, and their interaction timeline.' })
  @ApiResponse({ status: 200, standardSchema: contactDetailSchema })
  @ApiResponse({ status: 404, description: 'No such contact for this tenant (problem+json).' })
  async getContact(@CurrentPrincipal() principal: Principal, @Param('id', { schema: idParamSchema }) id: string) {
    const result = await this.rpc.call(ContactGetRpc, { version: 1, tenantId: tenantPrincipal(principal).tenantId, contactId: id });
    return { contact: result.contact, timeline: result.timeline };
  }

  @Delete('contacts/:id')
  @StaffRoles('tenant_admin')
  @ApiOperation({ summary: 'Erase a contact (right to erasure): the contact goes and their messages are pseudonymized.' })
  @ApiResponse({ status: 200, standardSchema: erasedContactSchema })
  @ApiResponse({ status: 404, description: 'No such contact for this tenant (problem+json).' })
  async eraseContact(@CurrentPrincipal() principal: Principal, @Param('id', { schema: idParamSchema }) id: string) {
    const caller = tenantPrincipal(principal);
    const result = await this.rpc.call(ContactEraseRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      contactId: id,
    });
    return { contact_id: result.contactId, messages_pseudonymized: result.messagesPseudonymized, sessions: result.sessions };
  }

  @Post('contacts/:id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge a possible duplicate (`duplicate_id`) into this contact: its sessions, interactions and summaries move, field histories merge, identifiers this contact lacks are carried over, the duplicate is deleted. Audited.',
  })
  @ApiResponse({ status: 200, standardSchema: mergedContactSchema })
  @ApiResponse({ status: 400, description: 'Invalid body, or a contact merged into itself (problem+json listing the fields).' })
  @ApiResponse({ status: 404, description: 'Either contact unknown for this tenant, or merged or erased meanwhile (problem+json).' })
  async mergeContact(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: mergeContactBodySchema }) body: MergeContactBody,
  ) {
    if (body.duplicate_id === id)
      throw problems.validation([{ path: 'duplicate_id', message: 'must be another contact than the one kept' }]);
    const caller = tenantPrincipal(principal);
    const result = await this.rpc.call(ContactMergeRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      contactId: id,
      duplicateId: body.duplicate_id,
    });
    return { contact: result.contact, duplicate_id: result.duplicateId, moved: result.moved };
  }

  @Get('contacts/:id/export')
  @StaffRoles('tenant_admin')
  @ApiOperation({
    summary: 'Everything held about a contact (right of access): fields, interactions, sessions with their messages and summaries.',
  })
  @ApiResponse({ status: 200, standardSchema: ContactExportRpc.response.schema })
  @ApiResponse({ status: 404, description: 'No such contact for this tenant (problem+json).' })
  async exportContact(@CurrentPrincipal() principal: Principal, @Param('id', { schema: idParamSchema }) id: string) {
    const caller = tenantPrincipal(principal);
    const { version: _version, ...exported } = await this.rpc.call(ContactExportRpc, {
      version: 1,
      actor: actorOf(caller),
      tenantId: caller.tenantId,
      contactId: id,
    });
    return exported;
  }

  @Get('interactions')
  @ApiOperation({ summary: 'Conversations (one interaction per session), newest first, by pages (`next_cursor`).' })
  @ApiResponse({ status: 200, standardSchema: interactionPageSchema })
  async listInteractions(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: listInteractionsQuerySchema }) query: z.output<typeof listInteractionsQuerySchema>,
  ) {
    const page = await this.rpc.call(InteractionListRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      contactId: query.contact_id,
      intent: query.intent,
      lead: query.lead,
      limit: query.limit,
      cursor: query.cursor ?? null,
    });
    return { items: page.items, next_cursor: page.nextCursor };
  }

  @Get('sessions/:id/summary')
  @ApiOperation({ summary: 'The L2 summary of a closed session: outcome, profile, unmet needs, sentiment trajectory, follow-ups.' })
  @ApiResponse({ status: 200, standardSchema: sessionSummarySchema })
  @ApiResponse({ status: 404, description: 'Unknown session for this tenant, or not closed and summarised yet (problem+json).' })
  async sessionSummary(@CurrentPrincipal() principal: Principal, @Param('id', { schema: idParamSchema }) id: string) {
    const result = await this.rpc.call(SessionSummaryGetRpc, {
      version: 1,
      tenantId: tenantPrincipal(principal).tenantId,
      sessionId: id,
    });
    return { summary: result.summary };
  }
}
